// Who gets an issue: the contacts of the network's members, the companies' contact addresses (by sector and district)
// and the confirmed public subscribers, each address once (the first list that has it), less the addresses that left
// that list. A recipient is named by list, record and address hash, never by the address: the job's items keep no
// address, and the mail reads it from the record when it goes out.
import { companyRepository } from '../companies/repository.ts';
import { memberRepository } from '../members/repository.ts';
import type { Db } from '../table/port.ts';
import { addressHash, newsletterRepository } from './repository.ts';
import type { Audience, AudienceCount, ListName } from './schema.ts';

export type Recipient = { list: ListName; recordId: string; hash: string; email: string; name?: string | undefined; language: 'de' | 'en' };

/** The job item's key of a recipient: `<list>.<record id>.<address hash>`. */
export const recipientKey = (r: Pick<Recipient, 'list' | 'recordId' | 'hash'>) => `${r.list}.${r.recordId}.${r.hash}`;

export function parseRecipientKey(key: string): Pick<Recipient, 'list' | 'recordId' | 'hash'> | undefined {
  const m = /^(network|companies|subscribers)\.([0-9A-Z]{26})\.([A-Za-z0-9_-]{43})$/.exec(key);
  return m ? { list: m[1] as ListName, recordId: m[2]!, hash: m[3]! } : undefined;
}

export function audienceOf(db: Db) {
  const members = memberRepository(db);
  const companies = companyRepository(db);
  const repo = newsletterRepository(db);

  async function companiesOf(a: NonNullable<Audience['companies']>) {
    const districts = new Set(a.districts);
    const inDistrict = (d: (typeof a.districts)[number]) => !districts.size || districts.has(d);
    if (a.wzSections.length) {
      const lists = await Promise.all(a.wzSections.map((wzSection) => companies.listAll({ wzSection })));
      return lists.flat().filter((c) => inDistrict(c.district));
    }
    if (a.districts.length) return (await Promise.all(a.districts.map((district) => companies.listAll({ district })))).flat();
    return companies.listAll({});
  }

  /** Every address of the audience with the list it comes from, plus how many were left out for an opt-out. */
  async function resolve(a: Audience): Promise<{ recipients: Recipient[]; optedOut: number }> {
    const seen = new Set<string>();
    const recipients: Recipient[] = [];
    let optedOut = 0;
    const add = (r: Omit<Recipient, 'hash'>, optOuts?: Set<string>) => {
      const hash = addressHash(r.email);
      if (seen.has(hash)) return;
      seen.add(hash);
      if (optOuts?.has(hash)) return void optedOut++;
      recipients.push({ ...r, hash });
    };
    if (a.network) {
      const [all, out] = await Promise.all([members.all(), repo.optOuts('network')]);
      for (const m of all) for (const c of m.contacts) if (c.email) add({ list: 'network', recordId: m.id, email: c.email, name: c.name, language: 'de' }, out);
    }
    if (a.companies) {
      const [all, out] = await Promise.all([companiesOf(a.companies), repo.optOuts('companies')]);
      for (const c of all) if (c.email) add({ list: 'companies', recordId: c.id, email: c.email, name: c.contactPerson, language: 'de' }, out);
    }
    if (a.subscribers) {
      for (const s of await repo.allActiveSubscribers()) add({ list: 'subscribers', recordId: s.id, email: s.email, language: s.language });
    }
    return { recipients, optedOut };
  }

  return {
    resolve,

    async count(a: Audience): Promise<AudienceCount> {
      const { recipients, optedOut } = await resolve(a);
      const byList = { network: 0, companies: 0, subscribers: 0 };
      for (const r of recipients) byList[r.list]++;
      return { recipients: recipients.length, byList, optedOut };
    },

    /** The recipient named by a job item, as the record holds them now (undefined: gone, or the address changed). */
    async recipient(key: string): Promise<Recipient | undefined> {
      const ref = parseRecipientKey(key);
      if (!ref) return undefined;
      if (ref.list === 'network') {
        const m = await members.get(ref.recordId);
        const c = m?.contacts.find((x) => x.email && addressHash(x.email) === ref.hash);
        if (!c?.email || (await repo.isOptedOut('network', ref.hash))) return undefined;
        return { ...ref, email: c.email, name: c.name, language: 'de' };
      }
      if (ref.list === 'companies') {
        const c = await companies.get(ref.recordId);
        if (!c?.email || addressHash(c.email) !== ref.hash || (await repo.isOptedOut('companies', ref.hash))) return undefined;
        return { ...ref, email: c.email, name: c.contactPerson, language: 'de' };
      }
      const s = await repo.subscriber(ref.recordId);
      if (!s || s.state !== 'active' || addressHash(s.email) !== ref.hash) return undefined;
      return { ...ref, email: s.email, language: s.language };
    },
  };
}
