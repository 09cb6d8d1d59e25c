// Renders the access-pattern table of docs/data-model.md from the declared patterns; run as a script it rewrites
// the table in place (`npm run docs:patterns`), and a unit test checks that the file holds what this renders.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { patterns, type GetPattern, type QueryPattern } from '#shared/table/patterns.ts';

const BEGIN = '<!-- access-patterns:begin -->';
const END = '<!-- access-patterns:end -->';
const cell = (s: string) => s.replace(/\|/g, '\\|');

export function accessPatternTable(): string {
  const rows = (Object.values(patterns) as (QueryPattern<never[]> | GetPattern<never[]>)[]).map((p) => {
    const args = p.params.map((n) => `<${n}>`);
    if (p.kind === 'get') {
      const key = (p.key as (...a: string[]) => { pk: string; sk: string })(...args);
      return `| ${p.id} | ${cell(p.summary)} | ${p.entity} | table | \`pk = ${cell(key.pk)}\`, \`sk = ${cell(key.sk)}\` (GetItem) | ${cell(p.notes ?? '')} |`;
    }
    const partition = (p.partitionOf as (...a: string[]) => string)(...args);
    const pk = p.index ? `${p.index}pk` : 'pk';
    const sort = [p.sortPrefix ? `\`begins_with(sk, ${cell(p.sortPrefix)})\`` : '', p.sort ? cell(p.sort) : ''].filter(Boolean).join('; ');
    return `| ${p.id} | ${cell(p.summary)} | ${p.entity} | ${p.index ?? 'table'} | \`${pk} = ${cell(partition)}\`${sort ? `; sort: ${sort}` : ''} | ${cell(p.notes ?? '')} |`;
  });
  return ['| # | pattern | entity | index | key condition | notes |', '|---|---|---|---|---|---|', ...rows, ''].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = join(import.meta.dirname, '../../docs/data-model.md');
  const doc = readFileSync(path, 'utf8');
  const start = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (start < 0 || end < 0) throw new Error(`docs/data-model.md has no ${BEGIN} … ${END} markers`);
  writeFileSync(path, `${doc.slice(0, start + BEGIN.length)}\n${accessPatternTable()}${doc.slice(end)}`);
  console.log('docs/data-model.md: access-pattern table written');
}
