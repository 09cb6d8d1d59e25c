// Creates the first administrator and one demo user per role, and remembers generated passwords in .data/sign-in.json.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { ulid } from '#shared/ids.ts';
import { generatePassword, hashPassword } from '#shared/users/password.ts';
import { userRepository } from '#shared/users/repository.ts';
import type { Role } from '#shared/users/roles.ts';
import type { Db } from '#shared/table/access.ts';

export type SignInLine = { email: string; password: string; role: Role; name: string };

type Wanted = { email: string; role: Role; name: string; password: string | undefined };

export async function ensureUsers(
  db: Db,
  o: { adminEmail: string; adminPassword?: string; demoPassword?: string; credentialsPath: string },
): Promise<SignInLine[]> {
  const remembered = existsSync(o.credentialsPath) ? (JSON.parse(readFileSync(o.credentialsPath, 'utf8')) as SignInLine[]) : [];
  const recall = (email: string) => remembered.find((r) => r.email === email)?.password;
  const wanted: Wanted[] = [
    { email: o.adminEmail, role: 'admin', name: 'Administration', password: o.adminPassword },
    { email: 'counsellor@amon.local', role: 'counsellor', name: 'Sabine Beraterin', password: o.demoPassword },
    { email: 'coordinator@amon.local', role: 'coordinator', name: 'Jan Koordinator', password: o.demoPassword },
  ];
  const repo = userRepository(db);
  const lines: SignInLine[] = [];
  for (const w of wanted) {
    const password = w.password ?? recall(w.email) ?? generatePassword();
    const existing = await repo.findByEmail(w.email);
    if (!existing) {
      const now = new Date().toISOString();
      await repo.insert({
        id: ulid(),
        email: w.email,
        name: w.name,
        roles: [w.role],
        enabled: true,
        status: 'active',
        createdAt: now,
        updatedAt: now,
        passwordHash: await hashPassword(password),
      });
    }
    lines.push({
      email: w.email,
      password: existing && !w.password && !recall(w.email) ? '(wie beim ersten Start ausgegeben)' : password,
      role: w.role,
      name: w.name,
    });
  }
  writeFileSync(
    o.credentialsPath,
    JSON.stringify(
      lines.filter((l) => !l.password.startsWith('(')),
      null,
      2,
    ),
    { mode: 0o600 },
  );
  return lines;
}
