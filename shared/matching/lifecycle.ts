// How a match may move: proposed → company contacted → trial or learning venue → hired / declined. A trial may be
// skipped (hired straight after the contact); hired and declined are final. A withdrawn consent ends an open match
// as "withdrawn", a state no one moves to by hand.
import type { MatchState } from './schema.ts';

export const NEXT: Record<MatchState, readonly MatchState[]> = {
  proposed: ['contacted', 'declined'],
  contacted: ['trial', 'hired', 'declined'],
  trial: ['hired', 'declined'],
  hired: [],
  declined: [],
  withdrawn: [],
};

/** A match that is still going on: consent withdrawal ends it. */
export const isOpenMatch = (state: MatchState) => NEXT[state].length > 0;

export const MATCH_STATE_LABELS: Record<MatchState, string> = {
  proposed: 'vorgeschlagen',
  contacted: 'Betrieb kontaktiert',
  trial: 'Probearbeit / Lernort',
  hired: 'eingestellt',
  declined: 'abgesagt',
  withdrawn: 'zurückgezogen: Einwilligung widerrufen',
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

/** The open matches of a case ended because its job-placement consent ended: one step each, dated today. */
export function withdrawnForConsent<
  M extends { state: MatchState; version: number; updatedAt: string; steps: { state: MatchState; on: string; at: string; actorId: string; note?: string }[] },
>(matches: M[], on: string, at: string, actorId: string): { before: M; after: M }[] {
  return matches
    .filter((m) => isOpenMatch(m.state))
    .map((m) => ({
      before: m,
      after: {
        ...m,
        state: 'withdrawn' as const,
        withdrawnBecause: 'consent_withdrawn' as const,
        steps: [...m.steps, { state: 'withdrawn' as const, on, at, actorId }],
        version: m.version + 1,
        updatedAt: at,
      },
    }));
}
