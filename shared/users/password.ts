// Password hashing for the local identity store (scrypt, salted), and temporary passwords for invitations.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 64;

const scrypt = (password: string, salt: Buffer, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCb(password, salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key))));

/** "scrypt$16384$8$1$<salt>$<hash>", both base64url. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, { N, r: R, p: P });
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A password that meets the Cognito policy (upper, lower, digit, symbol, 16 characters). */
export function generatePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const bytes = randomBytes(16);
  const body = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return `${body.slice(0, 4)}-${body.slice(4, 8)}-${body.slice(8, 12)}-${body.slice(12)}Aa1`;
}

/** The password policy that the Cognito pool enforces, checked for the local store too. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < 12) return 'mindestens 12 Zeichen';
  if (!/[a-z]/.test(password) || !/[A-Z]/.test(password)) return 'Groß- und Kleinbuchstaben';
  if (!/\d/.test(password)) return 'mindestens eine Ziffer';
  if (!/[^A-Za-z0-9]/.test(password)) return 'mindestens ein Sonderzeichen';
  return undefined;
}
