// Reads the text of a PDF the API answered (base64): pdf-lib writes the text of standard fonts as hex strings, one per
// line drawn, in deflated content streams.
import { inflateSync } from 'node:zlib';

export function pdfText(base64: string): string {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.subarray(0, 5).toString() !== '%PDF-') throw new Error('not a PDF');
  const raw = bytes.toString('latin1');
  const streams = [...raw.matchAll(/stream\r?\n([\s\S]*?)endstream/g)].map((m) => {
    const data = Buffer.from(m[1]!, 'latin1');
    try {
      return inflateSync(data).toString('latin1');
    } catch {
      return data.toString('latin1');
    }
  });
  return (streams.join('\n').match(/<([0-9A-Fa-f]+)>\s*Tj/g) ?? []).map((h) => Buffer.from(h.slice(1, h.indexOf('>')), 'hex').toString('latin1')).join('\n');
}
