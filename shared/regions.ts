// The districts of Mecklenburg-Vorpommern (Landkreise and kreisfreie Städte since the 2011 reform).

export const DISTRICTS = [
  'rostock_city',
  'schwerin_city',
  'landkreis_rostock',
  'ludwigslust_parchim',
  'mecklenburgische_seenplatte',
  'nordwestmecklenburg',
  'vorpommern_greifswald',
  'vorpommern_ruegen',
  'outside_mv',
] as const;
export type District = (typeof DISTRICTS)[number];

export const DISTRICT_LABELS: Record<District, string> = {
  rostock_city: 'Hanse- und Universitätsstadt Rostock',
  schwerin_city: 'Landeshauptstadt Schwerin',
  landkreis_rostock: 'Landkreis Rostock',
  ludwigslust_parchim: 'Landkreis Ludwigslust-Parchim',
  mecklenburgische_seenplatte: 'Landkreis Mecklenburgische Seenplatte',
  nordwestmecklenburg: 'Landkreis Nordwestmecklenburg',
  vorpommern_greifswald: 'Landkreis Vorpommern-Greifswald',
  vorpommern_ruegen: 'Landkreis Vorpommern-Rügen',
  outside_mv: 'außerhalb Mecklenburg-Vorpommerns',
};
