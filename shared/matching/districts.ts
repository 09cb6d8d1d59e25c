// Which districts of Mecklenburg-Vorpommern share a border: the matching uses it to judge whether a workplace is
// within reach, since MV is large and rural and mobility decides whether a job or a learning venue works out.
import type { District } from '../regions.ts';

type MvDistrict = Exclude<District, 'outside_mv'>;

/** Land borders between the districts (since the 2011 reform); Rostock and Schwerin are the two district-free cities. */
export const ADJACENT: Record<MvDistrict, MvDistrict[]> = {
  rostock_city: ['landkreis_rostock'],
  schwerin_city: ['nordwestmecklenburg', 'ludwigslust_parchim'],
  landkreis_rostock: ['rostock_city', 'nordwestmecklenburg', 'ludwigslust_parchim', 'mecklenburgische_seenplatte', 'vorpommern_ruegen'],
  nordwestmecklenburg: ['schwerin_city', 'ludwigslust_parchim', 'landkreis_rostock'],
  ludwigslust_parchim: ['schwerin_city', 'nordwestmecklenburg', 'landkreis_rostock', 'mecklenburgische_seenplatte'],
  mecklenburgische_seenplatte: ['ludwigslust_parchim', 'landkreis_rostock', 'vorpommern_ruegen', 'vorpommern_greifswald'],
  vorpommern_greifswald: ['mecklenburgische_seenplatte', 'vorpommern_ruegen'],
  vorpommern_ruegen: ['landkreis_rostock', 'mecklenburgische_seenplatte', 'vorpommern_greifswald'],
};

/** Steps from one district to another across borders (0 = same district); undefined when either lies outside MV. */
export function distance(from: District, to: District): number | undefined {
  if (from === 'outside_mv' || to === 'outside_mv') return undefined;
  if (from === to) return 0;
  const seen = new Set<MvDistrict>([from]);
  let frontier: MvDistrict[] = [from];
  for (let steps = 1; frontier.length; steps++) {
    const next: MvDistrict[] = [];
    for (const d of frontier) {
      for (const n of ADJACENT[d]) {
        if (n === to) return steps;
        if (!seen.has(n)) {
          seen.add(n);
          next.push(n);
        }
      }
    }
    frontier = next;
  }
  return undefined;
}
