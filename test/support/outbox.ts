// Reads the local e-mail outbox (one .eml file per message) the way a recipient would.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';

/** Every survey link mailed to `email`, oldest first. */
export async function linksFor(outbox: string, email: string): Promise<string[]> {
  const files = readdirSync(outbox)
    .filter((f) => f.includes('survey-') && f.endsWith(`${email}.eml`))
    .sort();
  const texts = await Promise.all(files.map(async (f) => (await simpleParser(readFileSync(join(outbox, f)))).text ?? ''));
  return texts.map((t) => /#t=(\S+)/.exec(t)![1]!);
}
