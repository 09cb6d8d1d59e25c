import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHIPPED_OCCUPATIONS, SECTORS } from '#shared/occupations/catalogue.ts';

const kldb = new Map(
  readFileSync(join(import.meta.dirname, '../../shared/data/kldb2010.csv'), 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => [line.split(',')[0]!, line]),
);

describe('the shipped occupations list', () => {
  it('holds at least 80 occupations across the region’s sectors', () => {
    expect(SHIPPED_OCCUPATIONS.length).toBeGreaterThanOrEqual(80);
    for (const sector of SECTORS)
      expect(
        SHIPPED_OCCUPATIONS.some((o) => o.sector === sector),
        sector,
      ).toBe(true);
  });

  it('uses only real level-5 KldB 2010 codes of skilled work (5th digit 2)', () => {
    for (const o of SHIPPED_OCCUPATIONS) {
      expect(kldb.has(o.code), `${o.code} ${o.title}`).toBe(true);
      expect(o.code).toMatch(/^\d{4}2$/);
    }
  });

  it('has a training duration of 24 to 42 months and a competent body for each', () => {
    for (const o of SHIPPED_OCCUPATIONS) {
      expect([24, 36, 42]).toContain(o.months);
      if (o.chamber === 'other') expect(o.competentBody, o.title).toBeTruthy();
    }
    expect(new Set(SHIPPED_OCCUPATIONS.map((o) => o.title)).size).toBe(SHIPPED_OCCUPATIONS.length);
  });
});

describe('the occupation groups', () => {
  it('are the level-3 entries of the KldB 2010 file, with their titles, and hold every shipped occupation', async () => {
    const Papa = (await import('papaparse')).default;
    const { KLDB_GROUPS, groupTitle } = await import('#shared/occupations/groups.ts');
    const rows = Papa.parse<{ code: string; level: string; title: string }>(readFileSync(join(import.meta.dirname, '../../shared/data/kldb2010.csv'), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data.filter((r) => r.level === '3');
    expect(KLDB_GROUPS).toEqual(Object.fromEntries(rows.map((r) => [r.code, r.title])));
    for (const o of SHIPPED_OCCUPATIONS) expect(groupTitle(o.code), o.code).toBeDefined();
  });
});
