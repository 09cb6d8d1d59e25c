// The recognised training occupations the programme works with: KldB 2010 code, training duration and competent body.
// Codes are level-5 positions of the official KldB 2010 (skill level 2, "fachlich ausgerichtet"); test/unit checks them against the classification.

export type Chamber = 'ihk' | 'hwk' | 'other';
export type ShippedOccupation = { code: string; title: string; months: number; chamber: Chamber; competentBody?: string; sector: string };

type Row = [code: string, title: string, months: number, chamber: Chamber, sector: string, competentBody?: string];

const ROWS: Row[] = [
  // metal and machines
  ['24412', 'Metallbauer/in', 42, 'hwk', 'metal'],
  ['24412', 'Konstruktionsmechaniker/in', 42, 'ihk', 'metal'],
  ['24232', 'Zerspanungsmechaniker/in', 42, 'ihk', 'metal'],
  ['24202', 'Fachkraft für Metalltechnik', 24, 'ihk', 'metal'],
  ['25102', 'Industriemechaniker/in', 42, 'ihk', 'metal'],
  ['24512', 'Feinwerkmechaniker/in', 42, 'hwk', 'metal'],
  ['24522', 'Werkzeugmechaniker/in', 42, 'ihk', 'metal'],
  ['24302', 'Oberflächenbeschichter/in', 36, 'ihk', 'metal'],
  ['24132', 'Gießereimechaniker/in', 42, 'ihk', 'metal'],
  ['25122', 'Maschinen- und Anlagenführer/in', 24, 'ihk', 'metal'],
  ['25212', 'Kraftfahrzeugmechatroniker/in', 42, 'hwk', 'metal'],
  ['25222', 'Land- und Baumaschinenmechatroniker/in', 42, 'hwk', 'metal'],
  ['25242', 'Schiffbauer/in', 42, 'ihk', 'metal'],
  ['26112', 'Mechatroniker/in', 42, 'ihk', 'metal'],
  ['26212', 'Elektroniker/in für Energie- und Gebäudetechnik', 42, 'hwk', 'metal'],
  ['26252', 'Elektroniker/in für Betriebstechnik', 42, 'ihk', 'metal'],
  ['27212', 'Technische/r Produktdesigner/in', 42, 'ihk', 'metal'],
  ['34232', 'Mechatroniker/in für Kältetechnik', 42, 'hwk', 'metal'],
  // plastics, wood, paint
  ['22102', 'Verfahrensmechaniker/in für Kunststoff- und Kautschuktechnik', 36, 'ihk', 'plastics'],
  ['22182', 'Maschinen- und Anlagenführer/in Kunststofftechnik', 24, 'ihk', 'plastics'],
  ['22112', 'Reifen- und Vulkanisationsmechaniker/in', 36, 'hwk', 'plastics'],
  ['22212', 'Fahrzeuglackierer/in', 36, 'hwk', 'plastics'],
  ['22302', 'Holzbearbeitungsmechaniker/in', 36, 'ihk', 'plastics'],
  ['23122', 'Packmitteltechnologe/-technologin', 36, 'ihk', 'plastics'],
  // logistics and transport
  ['51312', 'Fachkraft für Lagerlogistik', 36, 'ihk', 'logistics'],
  ['51312', 'Fachlagerist/in', 24, 'ihk', 'logistics'],
  ['51332', 'Fachkraft für Hafenlogistik', 36, 'ihk', 'logistics'],
  ['51322', 'Fachkraft für Kurier-, Express- und Postdienstleistungen', 24, 'ihk', 'logistics'],
  ['51622', 'Kaufmann/-frau für Spedition und Logistikdienstleistung', 36, 'ihk', 'logistics'],
  ['52122', 'Berufskraftfahrer/in', 36, 'ihk', 'logistics'],
  ['52132', 'Fachkraft im Fahrbetrieb', 36, 'ihk', 'logistics'],
  ['52522', 'Baugeräteführer/in', 36, 'ihk', 'logistics'],
  // retail and trade
  ['62102', 'Verkäufer/in', 24, 'ihk', 'retail'],
  ['62102', 'Kaufmann/-frau im Einzelhandel', 36, 'ihk', 'retail'],
  ['62312', 'Fachverkäufer/in im Lebensmittelhandwerk (Bäckerei)', 36, 'hwk', 'retail'],
  ['62322', 'Fachverkäufer/in im Lebensmittelhandwerk (Fleischerei)', 36, 'hwk', 'retail'],
  ['62412', 'Drogist/in', 36, 'ihk', 'retail'],
  ['62272', 'Automobilkaufmann/-frau', 36, 'ihk', 'retail'],
  ['61212', 'Kaufmann/-frau für Groß- und Außenhandelsmanagement', 36, 'ihk', 'retail'],
  // hospitality and food
  ['29302', 'Koch/Köchin', 36, 'ihk', 'hospitality'],
  ['29302', 'Fachkraft Küche', 24, 'ihk', 'hospitality'],
  ['63222', 'Hotelfachmann/-frau', 36, 'ihk', 'hospitality'],
  ['63212', 'Kaufmann/-frau für Hotelmanagement', 36, 'ihk', 'hospitality'],
  ['63302', 'Fachmann/-frau für Restaurants und Veranstaltungsgastronomie', 36, 'ihk', 'hospitality'],
  ['63302', 'Fachkraft für Gastronomie', 24, 'ihk', 'hospitality'],
  ['63312', 'Fachmann/-frau für Systemgastronomie', 36, 'ihk', 'hospitality'],
  ['63112', 'Tourismuskaufmann/-frau', 36, 'ihk', 'hospitality'],
  ['29222', 'Bäcker/in', 36, 'hwk', 'hospitality'],
  ['29222', 'Konditor/in', 36, 'hwk', 'hospitality'],
  ['29232', 'Fleischer/in', 36, 'hwk', 'hospitality'],
  ['29202', 'Fachkraft für Lebensmitteltechnik', 36, 'ihk', 'hospitality'],
  ['29242', 'Fischwirt/in (Fischverarbeitung)', 36, 'other', 'hospitality', 'Landesamt für Landwirtschaft, Lebensmittelsicherheit und Fischerei M-V'],
  // care, health and personal services
  ['81102', 'Medizinische/r Fachangestellte/r', 36, 'other', 'care', 'Ärztekammer Mecklenburg-Vorpommern'],
  ['81112', 'Zahnmedizinische/r Fachangestellte/r', 36, 'other', 'care', 'Zahnärztekammer Mecklenburg-Vorpommern'],
  ['73222', 'Kaufmann/-frau im Gesundheitswesen', 36, 'ihk', 'care'],
  ['82312', 'Friseur/in', 36, 'hwk', 'care'],
  ['82322', 'Kosmetiker/in', 36, 'ihk', 'care'],
  ['54112', 'Gebäudereiniger/in', 36, 'hwk', 'care'],
  ['54132', 'Textilreiniger/in', 36, 'hwk', 'care'],
  ['53112', 'Fachkraft für Schutz und Sicherheit', 36, 'ihk', 'care'],
  // construction and building services
  ['32122', 'Maurer/in', 36, 'hwk', 'construction'],
  ['32112', 'Beton- und Stahlbetonbauer/in', 36, 'hwk', 'construction'],
  ['32102', 'Hochbaufacharbeiter/in', 24, 'hwk', 'construction'],
  ['32202', 'Tiefbaufacharbeiter/in', 24, 'hwk', 'construction'],
  ['32222', 'Straßenbauer/in', 36, 'hwk', 'construction'],
  ['32142', 'Dachdecker/in', 36, 'hwk', 'construction'],
  ['32162', 'Gerüstbauer/in', 36, 'hwk', 'construction'],
  ['33322', 'Zimmerer/Zimmerin', 36, 'hwk', 'construction'],
  ['33332', 'Tischler/in', 36, 'hwk', 'construction'],
  ['33342', 'Glaser/in', 36, 'hwk', 'construction'],
  ['33212', 'Maler/in und Lackierer/in', 36, 'hwk', 'construction'],
  ['33112', 'Fliesen-, Platten- und Mosaikleger/in', 36, 'hwk', 'construction'],
  ['33302', 'Trockenbaumonteur/in', 36, 'hwk', 'construction'],
  ['34212', 'Anlagenmechaniker/in für Sanitär-, Heizungs- und Klimatechnik', 42, 'hwk', 'construction'],
  ['34332', 'Fachkraft für Kreislauf- und Abfallwirtschaft', 36, 'ihk', 'construction'],
  ['34312', 'Fachkraft für Abwassertechnik', 36, 'ihk', 'construction'],
  ['12142', 'Gärtner/in (Garten- und Landschaftsbau)', 36, 'other', 'construction', 'Landesamt für Landwirtschaft, Lebensmittelsicherheit und Fischerei M-V'],
  // office and IT
  ['71402', 'Kaufmann/-frau für Büromanagement', 36, 'ihk', 'office'],
  ['71302', 'Industriekaufmann/-frau', 36, 'ihk', 'office'],
  ['72112', 'Bankkaufmann/-frau', 36, 'ihk', 'office'],
  ['72132', 'Kaufmann/-frau für Versicherungen und Finanzanlagen', 36, 'ihk', 'office'],
  ['61312', 'Immobilienkaufmann/-frau', 36, 'ihk', 'office'],
  ['43412', 'Fachinformatiker/in Anwendungsentwicklung', 36, 'ihk', 'office'],
  ['43102', 'Fachinformatiker/in Systemintegration', 36, 'ihk', 'office'],
  ['11102', 'Landwirt/in', 36, 'other', 'office', 'Landesamt für Landwirtschaft, Lebensmittelsicherheit und Fischerei M-V'],
];

export const SECTORS = ['metal', 'plastics', 'logistics', 'retail', 'hospitality', 'care', 'construction', 'office'] as const;

export const SHIPPED_OCCUPATIONS: ShippedOccupation[] = ROWS.map(([code, title, months, chamber, sector, competentBody]) => ({
  code,
  title,
  months,
  chamber,
  sector,
  ...(competentBody ? { competentBody } : {}),
}));

/** The shipped occupations' titles by KldB code; one code can name two occupations ("Fachkraft für Lagerlogistik / Fachlagerist/in"). */
export const OCCUPATION_TITLES: ReadonlyMap<string, string> = (() => {
  const titles = new Map<string, string>();
  for (const o of SHIPPED_OCCUPATIONS) titles.set(o.code, titles.has(o.code) ? `${titles.get(o.code)} / ${o.title}` : o.title);
  return titles;
})();
