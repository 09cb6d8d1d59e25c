// Activity notes never name participants: finds the names of cases' people in a free text, through the case name
// index (K6), so a note that names one can be refused before it is saved. Counsellors and admins only: for anyone
// else the answer itself would tell whether a person of that name is a case.
import { foldForSearch } from '../text.ts';

/** A person of a case as the name index holds it. */
export type NamedPerson = { caseId: string; firstName: string; lastName: string };
/** The people of cases whose folded "last first" name starts with the folded last name and a space. */
export type PeopleByLastName = (foldedLastName: string) => Promise<NamedPerson[]>;

const SALUTATIONS = ['herr', 'frau', 'herrn'];
/** How many look-ups run at once. */
const PARALLEL = 8;

/** Words of the text with their capitalisation, in order. */
const wordsOf = (text: string) => text.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
const capitalised = (w: string) => w[0] !== undefined && w[0] !== w[0].toLowerCase();

/**
 * The last names the text could hold: a capitalised word after a capitalised word or a salutation, alone and
 * together with the word before it ("El Amrani").
 */
export function lastNameCandidates(text: string): string[] {
  const words = wordsOf(text);
  const out = new Set<string>();
  for (let i = 1; i < words.length; i++) {
    const [before, word] = [words[i - 1]!, words[i]!];
    if (!capitalised(word) || word.length < 2) continue;
    const salutation = SALUTATIONS.includes(before.toLowerCase());
    if (!capitalised(before) && !salutation) continue;
    out.add(foldForSearch(word));
    if (!salutation) out.add(foldForSearch(`${before} ${word}`));
  }
  return [...out].filter(Boolean);
}

/** Whether the folded text holds the person's name: first and last name together, or a salutation and the last name. */
export function namesPerson(foldedText: string, firstName: string, lastName: string): boolean {
  const [f, l] = [foldForSearch(firstName), foldForSearch(lastName)];
  if (!l) return false;
  const t = ` ${foldedText} `;
  return (Boolean(f) && (t.includes(` ${f} ${l} `) || t.includes(` ${l} ${f} `))) || SALUTATIONS.some((s) => t.includes(` ${s} ${l} `));
}

/** The ids of the cases whose person the texts name (each case once). */
export async function casesNamedIn(peopleNamed: PeopleByLastName, texts: (string | undefined)[]): Promise<string[]> {
  const text = texts.filter(Boolean).join('\n');
  if (!text.trim()) return [];
  const folded = foldForSearch(text);
  const candidates = lastNameCandidates(text);
  const found = new Set<string>();
  for (let i = 0; i < candidates.length; i += PARALLEL) {
    const pages = await Promise.all(candidates.slice(i, i + PARALLEL).map(peopleNamed));
    for (const p of pages.flat()) if (namesPerson(folded, p.firstName, p.lastName)) found.add(p.caseId);
  }
  return [...found];
}
