// Setup of every browser journey: after each test, the screens its pages visited have been scanned by axe (see
// pages.ts), and a serious or critical finding on any of them fails the test with the screen's route.
import { afterAll, afterEach, expect } from 'vitest';
import { screensScanned } from './pages.ts';

const screens = new Set<string>();

afterEach(async () => {
  const scanned = await screensScanned();
  for (const s of scanned) screens.add(s.screen);
  expect(scanned.filter((s) => s.findings.length > 0)).toEqual([]);
});

afterAll(() => {
  console.log(`axe scanned ${screens.size} screens: ${[...screens].sort().join(' · ')}`);
});
