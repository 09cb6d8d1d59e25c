// Reads the text of a PDF the API answered (base64) as a person would copy it (PDF.js through unpdf): the glyphs of
// embedded fonts map back to letters through their ToUnicode tables.
import { extractText, getDocumentProxy } from 'unpdf';

export async function pdfText(base64: string): Promise<string> {
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
  if (Buffer.from(bytes.subarray(0, 5)).toString() !== '%PDF-') throw new Error('not a PDF');
  const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
  return text;
}
