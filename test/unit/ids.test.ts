// Ids: valid ULIDs in time order, never the same twice, random in every character, and cheap to make.
import { describe, expect, it } from 'vitest';
import { decodeTime, isValid } from 'ulid';
import { monotonicFactory, ulid } from '#shared/ids.ts';

describe('ids', () => {
  it('are valid ULIDs of the given time, distinct, with every symbol in every random position', () => {
    const at = Date.parse('2026-12-06T10:00:00Z');
    const ids = Array.from({ length: 20_000 }, () => ulid(at));
    expect(ids.every(isValid)).toBe(true);
    expect(ids.every((id) => decodeTime(id) === at)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (let position = 10; position < 26; position += 1) {
      expect(new Set(ids.map((id) => id[position])).size).toBe(32);
    }
  });

  it('a monotonic factory sorts in the order made within one millisecond', () => {
    const next = monotonicFactory();
    const ids = Array.from({ length: 1000 }, () => next(1_800_000_000_000));
    expect([...ids].sort()).toEqual(ids);
  });

  it('makes 50,000 ids well within a second (the package alone took ~4 s here: a system call per character)', () => {
    const started = performance.now();
    for (let i = 0; i < 50_000; i += 1) ulid();
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
