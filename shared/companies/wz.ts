// WZ 2008 sections (Statistisches Bundesamt), as in shared/data/wz2008-sections.csv; test/unit checks they match.

export const WZ_SECTIONS = {
  A: 'Land- und Forstwirtschaft, Fischerei',
  B: 'Bergbau und Gewinnung von Steinen und Erden',
  C: 'Verarbeitendes Gewerbe',
  D: 'Energieversorgung',
  E: 'Wasserversorgung; Abwasser- und Abfallentsorgung und Beseitigung von Umweltverschmutzungen',
  F: 'Baugewerbe',
  G: 'Handel; Instandhaltung und Reparatur von Kraftfahrzeugen',
  H: 'Verkehr und Lagerei',
  I: 'Gastgewerbe',
  J: 'Information und Kommunikation',
  K: 'Erbringung von Finanz- und Versicherungsdienstleistungen',
  L: 'Grundstücks- und Wohnungswesen',
  M: 'Erbringung von freiberuflichen, wissenschaftlichen und technischen Dienstleistungen',
  N: 'Erbringung von sonstigen wirtschaftlichen Dienstleistungen',
  O: 'Öffentliche Verwaltung, Verteidigung; Sozialversicherung',
  P: 'Erziehung und Unterricht',
  Q: 'Gesundheits- und Sozialwesen',
  R: 'Kunst, Unterhaltung und Erholung',
  S: 'Erbringung von sonstigen Dienstleistungen',
  T: 'Private Haushalte mit Hauspersonal; Herstellung von Waren und Erbringung von Dienstleistungen durch private Haushalte für den Eigenbedarf ohne ausgeprägten Schwerpunkt',
  U: 'Exterritoriale Organisationen und Körperschaften',
} as const;
export type WzSection = keyof typeof WZ_SECTIONS;
export const WZ_CODES = Object.keys(WZ_SECTIONS) as WzSection[];
