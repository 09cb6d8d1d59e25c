// Every visible string of the admin goes through the catalogue: no German (or any) words as literal JSX text, as a
// literal label, title, placeholder, hint or accessible name, or as a literal string inside JSX; and every key the
// screens name exists in the German catalogue.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { appGerman } from '../../admin/src/i18n/app-de.ts';
import { raGerman } from '../../admin/src/i18n/ra-de.ts';

const ADMIN = resolve(import.meta.dirname, '../../admin/src');
const ATTRIBUTES = new Set([
  'label',
  'title',
  'placeholder',
  'helperText',
  'aria-label',
  'emptyText',
  'empty',
  'primaryText',
  'loading',
  'text',
  'tooltip',
  'description',
  'alt',
]);
const KEY = /^(amon|resources|ra)\.[\w.]+$/;
/** Words, not punctuation, entities or codes: two letters in a row. */
const WORDS = /[A-Za-zÄÖÜäöüß]{2,}/;
/** Attributes whose values are code, not text (a path, a field, a style). */
const TECHNICAL = new Set([
  'className',
  'href',
  'src',
  'path',
  'to',
  'source',
  'reference',
  'id',
  'key',
  'type',
  'variant',
  'color',
  'component',
  'target',
  'rel',
  'role',
  'sx',
  'lang',
  'autoComplete',
  'inputMode',
  'pattern',
  'align',
  'direction',
  'size',
  'margin',
  'position',
  'severity',
  'orientation',
  'sortBy',
  'resource',
  'basePath',
]);
/** Looks like words for a reader: a capitalised word, words with spaces, or German letters. */
const READABLE = /^[A-ZÄÖÜ][a-zäöüß]+$|[A-Za-zÄÖÜäöüß]{2,}\s+[A-Za-zÄÖÜäöüß]|[äöüÄÖÜß]/;
/** Names that are the same in every language. */
const SAME_IN_EVERY_LANGUAGE = new Set(['amoN']);

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === 'i18n' ? [] : tsxFiles(p);
    return p.endsWith('.tsx') ? [p] : [];
  });
}

type Finding = { where: string; text: string };

/** The literal texts of one source file that bypass the catalogue, and the keys it names. */
export function scan(file: string, code: string): { literals: Finding[]; keys: Finding[] } {
  const src = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const literals: Finding[] = [];
  const keys: Finding[] = [];
  const where = (n: { getStart: () => number }) => `${file}:${src.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const visible = (s: string) => WORDS.test(s.replace(/&[a-z]+;/g, '')) && !KEY.test(s) && !SAME_IN_EVERY_LANGUAGE.has(s.trim());
  /** String literals a JSX expression shows: itself, or the branches of a condition or a fallback. */
  const shown = (e: ts.Expression | undefined): { text: string; getStart: () => number }[] => {
    if (!e) return [];
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e];
    // A template's own words ("Punktzahl ${n} von ${max}"); one that only builds a path or a key is code.
    if (ts.isTemplateExpression(e)) {
      const words = [e.head.text, ...e.templateSpans.map((s) => s.literal.text)].join(' ');
      return /^[#/.]|^amon\.|^resources\./.test(e.head.text) ? [] : [{ text: words, getStart: () => e.getStart() }];
    }
    if (ts.isParenthesizedExpression(e)) return shown(e.expression);
    if (ts.isConditionalExpression(e)) return [...shown(e.whenTrue), ...shown(e.whenFalse)];
    if (
      ts.isBinaryExpression(e) &&
      [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.AmpersandAmpersandToken].includes(e.operatorToken.kind)
    )
      return shown(e.right);
    return [];
  };
  const visit = (n: ts.Node) => {
    if (ts.isJsxText(n) && visible(n.text)) literals.push({ where: where(n), text: n.text.replace(/\s+/g, ' ').trim() });
    if (ts.isJsxAttribute(n) && n.initializer) {
      const name = n.name.getText(src);
      const values = ts.isStringLiteral(n.initializer) ? [n.initializer] : ts.isJsxExpression(n.initializer) ? shown(n.initializer.expression) : [];
      for (const v of values) {
        // The text attributes always; any other attribute that is not code when its value reads as words.
        const text = ATTRIBUTES.has(name) || (!TECHNICAL.has(name) && !name.startsWith('data-') && READABLE.test(v.text));
        if (text && visible(v.text)) literals.push({ where: where(v), text: v.text });
        if (KEY.test(v.text)) keys.push({ where: where(v), text: v.text });
      }
    }
    // A table's column head and empty text in a column list ({ header, cell }).
    if (ts.isObjectLiteralExpression(n) && n.properties.some((p) => p.name?.getText(src) === 'cell'))
      for (const p of n.properties)
        if (ts.isPropertyAssignment(p) && p.name.getText(src) === 'header')
          for (const v of shown(p.initializer)) if (visible(v.text)) literals.push({ where: where(v), text: v.text });
    if (ts.isJsxExpression(n) && n.parent && (ts.isJsxElement(n.parent) || ts.isJsxFragment(n.parent)))
      for (const v of shown(n.expression)) if (visible(v.text)) literals.push({ where: where(v), text: v.text });
    // A message shown by notify(…) or by a command when it is done (its fourth argument).
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && ['notify', 'command'].includes(n.expression.text)) {
      const message = n.expression.text === 'notify' ? n.arguments[0] : n.arguments[3];
      for (const v of shown(message)) if (visible(v.text)) literals.push({ where: where(v), text: v.text });
      for (const v of shown(message)) if (KEY.test(v.text)) keys.push({ where: where(v), text: v.text });
    }
    // t('…') and translate('…') with a literal key.
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && ['t', 'translate'].includes(n.expression.text)) {
      const [first] = n.arguments;
      if (first && ts.isStringLiteral(first) && KEY.test(first.text)) keys.push({ where: where(first), text: first.text });
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
  return { literals, keys };
}

/** Whether the catalogue has a text at the key; like polyglot, a level may hold a dotted key ('contacts.name'). */
function has(tree: unknown, key: string): boolean {
  if (typeof tree !== 'object' || tree === null) return false;
  const parts = key.split('.');
  for (let n = parts.length; n > 0; n--) {
    const head = parts.slice(0, n).join('.');
    if (!(head in tree)) continue;
    const node = (tree as Record<string, unknown>)[head];
    if (n === parts.length ? typeof node === 'string' : has(node, parts.slice(n).join('.'))) return true;
  }
  return false;
}

describe('the admin screens and the catalogue', () => {
  const files = tsxFiles(ADMIN).map((f) => ({ name: relative(ADMIN, f), code: readFileSync(f, 'utf8') }));
  const scans = files.map((f) => scan(f.name, f.code));

  it('show no literal text: every label, hint, heading, button and sentence comes from the catalogue', () => {
    expect(scans.flatMap((s) => s.literals)).toEqual([]);
  });

  it('name only keys that the German catalogue has', () => {
    const catalogue = { ...appGerman, ra: raGerman.ra };
    expect(scans.flatMap((s) => s.keys).filter((k) => !has(catalogue, k.text))).toEqual([]);
  });

  it('finds a literal label, a literal sentence, a literal branch and an unknown key (the check itself can fail)', () => {
    const found = scan(
      'Example.tsx',
      `export const A = ({ ok }: { ok: boolean }) => (
        <div>
          <TextInput source="name" label="Nachname" />
          <Typography>Keine Einträge.</Typography>
          <span>{ok ? 'erledigt' : t('amon.ui.none.such_key')}</span>
          <Chip label={t('amon.ui.cases.anonymisiert')} />
          <CursorTable empty="Noch keine Einträge." columns={[{ header: 'Stand', cell: (r) => r.state }]} />
          <Score aria-label={\`Punktzahl \${total} von \${max}\`} href={\`#/cases/\${id}/show\`} />
          <Button onClick={async () => (await command('POST', '/api/x', {}, 'Gespeichert')).ok && notify('Das ging.')} />
        </div>
      );`,
    );
    expect(found.literals.map((l) => l.text)).toEqual([
      'Nachname',
      'Keine Einträge.',
      'erledigt',
      'Noch keine Einträge.',
      'Stand',
      'Punktzahl   von  ',
      'Gespeichert',
      'Das ging.',
    ]);
    expect(found.keys.map((k) => k.text)).toEqual(['amon.ui.none.such_key', 'amon.ui.cases.anonymisiert']);
    expect(has(appGerman, 'amon.ui.none.such_key')).toBe(false);
    expect(has(appGerman, 'amon.ui.cases.anonymisiert')).toBe(true);
  });
});
