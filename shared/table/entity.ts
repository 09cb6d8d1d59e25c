// An entity: the record kind an item holds, its primary key and the pattern slots it fills (which GSIs it is in).
import type { Slot } from './patterns.ts';
import type { Item, ItemKeys, Key } from './port.ts';

export type Entity<R> = {
  readonly name: string;
  /** The item as stored: the record's attributes, its key and the index keys of every slot it fills now. */
  item: (record: R) => Item & ItemKeys;
  key: (record: R) => Key;
};

/**
 * Declares an entity. `slots` returns the patterns the record is in now; a slot left out (a sparse index) leaves
 * the item out of that pattern. Each slot must belong to a pattern of this entity.
 */
export function entity<R extends object>(def: {
  name: string;
  key: (r: R) => Key;
  slots?: (r: R) => (Slot | false | undefined)[];
  attributes?: (r: R) => Item;
}): Entity<R> {
  return {
    name: def.name,
    key: def.key,
    item: (record) => {
      const slots: Partial<ItemKeys> = {};
      for (const s of def.slots?.(record) ?? []) {
        if (!s) continue;
        if (s.pattern.entity !== def.name) throw new Error(`${def.name} cannot fill ${s.pattern.id}, a pattern of ${s.pattern.entity}`);
        Object.assign(slots, s.keys);
      }
      return { ...(def.attributes ? def.attributes(record) : (record as Item)), ...def.key(record), ...slots };
    },
  };
}
