// Identifiers: ULIDs (time first, then 80 random bits), with the random part read from a pool of cryptographic bytes.
// The package's own generator asks the system for one byte per character (16 calls, ~80 µs an id here); a case
// change makes three to five ids (the record, its audit entry, its events), so the pool saves that on every request.
import { monotonicFactory as monotonic, ulid as plain, type ULIDFactory } from 'ulid';

const POOL = 4096;
let pool = new Uint8Array(0);
let at = 0;

/** A number in [0, 1) from 32 cryptographically random bits; the pool is refilled when used up. */
function pooled(): number {
  if (at + 4 > pool.length) {
    // Web Crypto, as in Node 20 and the browser (the admin builds a job's id with the same module).
    pool = globalThis.crypto.getRandomValues(new Uint8Array(POOL));
    at = 0;
  }
  const value = ((pool[at]! << 24) | (pool[at + 1]! << 16) | (pool[at + 2]! << 8) | pool[at + 3]!) >>> 0;
  at += 4;
  return value / 2 ** 32;
}

/** A new ULID for the given time (now when left out). */
export const ulid = (time?: number): string => plain(time, pooled);

/** ULIDs that sort in the order made, also within one millisecond. */
export const monotonicFactory = (): ULIDFactory => monotonic(pooled);
