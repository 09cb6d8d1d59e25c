// Search folding: the form of a name used in sort keys, so that prefix search ignores case and umlauts.

const replacements: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/**
 * "Müller-Lüdenscheidt GmbH" → "mueller luedenscheidt gmbh". Umlauts fold to their two-letter spelling
 * (so "Mueller" and "Müller" meet), other accents are dropped, punctuation becomes one space.
 */
export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .replace(/[äöüß]/g, (c) => replacements[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
