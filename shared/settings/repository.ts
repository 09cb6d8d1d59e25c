// The programme settings on the table: one item, absent until an admin first saves.
import { getItem, stripKeys, type Db, type Item } from '../table/access.ts';
import { keys } from '../table/keys.ts';
import { guards } from '../table/port.ts';
import type { WriteSet } from '../table/write-set.ts';

export function settingsRepository(db: Db) {
  return {
    async get(): Promise<Item | undefined> {
      const item = await getItem(db, keys.settings());
      return item ? stripKeys<Item>(item) : undefined;
    },

    /** The settings as of `expectedVersion`; version 0 is the defaults, which no item holds yet. */
    replace(settings: Item & { version: number }, expectedVersion: number, change: WriteSet): WriteSet {
      const guard = expectedVersion === 0 ? guards.absentOrEquals({ version: 0 }) : guards.version(expectedVersion);
      return change.add({ put: { ...keys.settings(), ...settings }, guard });
    },
  };
}
