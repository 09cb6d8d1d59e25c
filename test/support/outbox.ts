// Reads the local e-mail outbox (one .eml file per message) the way a recipient would.
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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

/** The local mail transport fails while `fn` runs: the outbox folder is replaced by a file. */
export async function withMailDown<T>(outbox: string, fn: () => Promise<T>): Promise<T> {
  const aside = `${outbox}.aside`;
  renameSync(outbox, aside);
  writeFileSync(outbox, 'kein Ordner');
  try {
    return await fn();
  } finally {
    rmSync(outbox);
    renameSync(aside, outbox);
  }
}
