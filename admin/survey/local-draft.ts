// Unsaved answers kept on the company's own device, so closing the tab or losing the connection loses nothing: stored
// under a hash of the link (never the link itself), restored when newer than what the server holds, removed once the
// answers are saved or sent.

type Kept = { answers: Record<string, unknown>; keptAt: string };

async function keyOf(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return `survey-answers:${[...new Uint8Array(digest).slice(0, 12)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export async function localDraft(token: string) {
  const key = await keyOf(token);
  return {
    keep(answers: Record<string, unknown>): void {
      try {
        localStorage.setItem(key, JSON.stringify({ answers, keptAt: new Date().toISOString() } satisfies Kept));
      } catch {
        // Storage full or switched off: the form still works, only without the safety copy.
      }
    },
    /** The kept answers if they are newer than `serverAt` (the server's last draft or answer). */
    newerThan(serverAt: string | undefined): Kept | undefined {
      try {
        const kept = JSON.parse(localStorage.getItem(key) ?? 'null') as Kept | null;
        return kept && (!serverAt || kept.keptAt > serverAt) ? kept : undefined;
      } catch {
        return undefined;
      }
    },
    forget(): void {
      localStorage.removeItem(key);
    },
  };
}
