// Reads and changes the programme settings (one item; defaults until an admin saves).
import { changedFields, type Actor } from '../audit/entry.ts';
import type { Db } from '../table/port.ts';
import { writeSet } from '../table/write-set.ts';
import { settingsRepository } from './repository.ts';
import { Settings, type SettingsUpdate } from './schema.ts';

export function settingsService(db: Db) {
  const repo = settingsRepository(db);
  return {
    async get(): Promise<Settings & { version: number }> {
      const stored = (await repo.get()) ?? {};
      const { version = 0, ...rest } = stored as { version?: number };
      return { ...Settings.parse(rest), version };
    },

    async update(input: SettingsUpdate, actor: Actor) {
      const before = await this.get();
      const { version, ...fields } = input;
      const after = { ...fields, version: version + 1 };
      await repo.replace(after, version, writeSet(db)).audit(actor, 'update', 'settings', 'programme', changedFields(before, after), new Date()).commit();
      return after;
    },
  };
}
