// Setup of every browser journey: after each test, the screens its pages visited have been scanned by axe (see
// pages.ts), and a serious or critical finding on any of them fails the test with the screen's route.
import { afterAll, afterEach, expect } from 'vitest';
import { screensScanned } from './pages.ts';

const screens = new Set<string>();
const unsettled = new Set<string>();

afterEach(async () => {
  const scanned = await screensScanned();
  for (const s of scanned) (s.findings ? screens : unsettled).add(s.screen);
  expect(scanned.filter((s) => s.findings && s.findings.length > 0)).toEqual([]);
});

afterAll(() => {
  const unscanned = [...unsettled].filter((s) => !screens.has(s));
  if (unscanned.length) console.log(`axe: left before they came to rest (not scanned): ${unscanned.sort().join(' · ')}`);
  console.log(`axe scanned ${screens.size} screens: ${[...screens].sort().join(' · ')}`);
});
