// How a match may move: proposed → company contacted → trial or learning venue → hired / declined. A trial may be
// skipped (hired straight after the contact); hired and declined are final.
import type { MatchState } from './schema.ts';

export const NEXT: Record<MatchState, readonly MatchState[]> = {
  proposed: ['contacted', 'declined'],
  contacted: ['trial', 'hired', 'declined'],
  trial: ['hired', 'declined'],
  hired: [],
  declined: [],
};

export const MATCH_STATE_LABELS: Record<MatchState, string> = {
  proposed: 'vorgeschlagen',
  contacted: 'Betrieb kontaktiert',
  trial: 'Probearbeit / Lernort',
  hired: 'eingestellt',
  declined: 'abgesagt',
};

export type MoveVerdict = { ok: true } | { ok: false; reason: string };

/** Whether a match in `from` may move to `to` on day `on`, given the day of its last step and today (Berlin). */
export function checkMatchMove(from: MatchState, to: MatchState, on: string, lastOn: string, today: string): MoveVerdict {
  if (!NEXT[from].includes(to)) {
    const allowed = NEXT[from].map((s) => `„${MATCH_STATE_LABELS[s]}“`).join(' oder ');
    return { ok: false, reason: allowed ? `Von „${MATCH_STATE_LABELS[from]}“ geht es nur zu ${allowed}.` : `„${MATCH_STATE_LABELS[from]}“ ist abgeschlossen.` };
  }
  if (on > today) return { ok: false, reason: 'Das Datum liegt in der Zukunft.' };
  if (on < lastOn) return { ok: false, reason: 'Das Datum liegt vor dem letzten Schritt.' };
  return { ok: true };
}
