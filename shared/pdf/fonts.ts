// The Unicode font the PDFs with people's names embed (DejaVu Sans, from the dejavu-fonts-ttf package): Polish,
// Turkish, Cyrillic and Arabic letters print as they are written, where the standard PDF fonts print "?". In Lambda
// the font files lie beside the bundle (infra copies them, see FONT_FILES); locally they are read from the package.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { PDFDocument, PDFFont } from 'pdf-lib';

const PACKAGE_DIR = 'dejavu-fonts-ttf/ttf';
/** The font files, by their name in the package; CDK copies these next to the bundle of a function that renders. */
export const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'] as const;

/** Where the font files lie in the repository, for the bundler to copy. */
export const FONT_PATHS = FONT_FILES.map((f) => `node_modules/${PACKAGE_DIR}/${f}`);
/**
 * The functions that render PDFs with names (event documents; the monthly report, made on demand and by its job):
 * infra puts the font files beside their bundles.
 */
export const FONT_USERS: readonly string[] = ['evaluations', 'reports', 'monthly-report'];

const loaded = new Map<string, Promise<Uint8Array>>();

/** The font's bytes: beside the bundle, or from the package; read once per process. */
function fontBytes(name: (typeof FONT_FILES)[number]): Promise<Uint8Array> {
  const known = loaded.get(name);
  if (known) return known;
  const read = readFile(new URL(`./${name}`, import.meta.url)).catch(() => readFile(createRequire(import.meta.url).resolve(`${PACKAGE_DIR}/${name}`)));
  loaded.set(name, read);
  return read;
}

/** Embeds the regular and bold faces (subset to the letters used, so a page stays small). */
export async function embedUnicodeFonts(doc: PDFDocument): Promise<{ regular: PDFFont; bold: PDFFont }> {
  const fontkit = (await import('@pdf-lib/fontkit')).default;
  doc.registerFontkit(fontkit);
  const [regular, bold] = await Promise.all(FONT_FILES.map(async (f) => doc.embedFont(await fontBytes(f), { subset: true })));
  return { regular: regular!, bold: bold! };
}

/** What the font has no glyph for (an emoji, say) becomes a "?" instead of a blank box. */
export function drawable(font: PDFFont): (s: string) => string {
  const supported = new Set(font.getCharacterSet());
  return (s: string) => [...s].map((ch) => (supported.has(ch.codePointAt(0)!) || /\s/.test(ch) ? ch : '?')).join('');
}
