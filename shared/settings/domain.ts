// Reads and changes the programme settings (one item; defaults until an admin saves).
import { changedFields, type Actor } from '../audit/entry.ts';
import { getItem, put, stripKeys, type Db } from '../table/access.ts';
import { writeSet } from '../table/write-set.ts';
import { keys } from '../table/keys.ts';
import { Settings, type SettingsUpdate } from './schema.ts';

export function settingsService(db: Db) {
  return {
    async get(): Promise<Settings & { version: number }> {
      const item = await getItem(db, keys.settings());
      const stored = item ? stripKeys<Record<string, unknown>>(item) : {};
      const { version = 0, ...rest } = stored as { version?: number };
      return { ...Settings.parse(rest), version };
    },

    async update(input: SettingsUpdate, actor: Actor) {
      const before = await this.get();
      const { version, ...fields } = input;
      const after = { ...fields, version: version + 1 };
      await writeSet(db)
        .add(put(db, { ...keys.settings(), ...after }, version === 0 ? 'attribute_not_exists(pk) OR version = :v' : 'version = :v', { ':v': version }))
        .audit(actor, 'update', 'settings', 'programme', changedFields(before, after), new Date())
        .commit();
      return after;
    },
  };
}
