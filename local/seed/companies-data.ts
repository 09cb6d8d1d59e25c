// 240 demo companies across the WZ sections that fit Mecklenburg-Vorpommern's economy (names are fictional).
import type { CompanyInput } from '#shared/companies/schema.ts';
import type { District } from '#shared/regions.ts';

const PLACES: [District, string, string][] = [
  ['rostock_city', 'Rostock', '18055'],
  ['rostock_city', 'Rostock', '18147'],
  ['landkreis_rostock', 'Güstrow', '18273'],
  ['landkreis_rostock', 'Bad Doberan', '18209'],
  ['schwerin_city', 'Schwerin', '19053'],
  ['nordwestmecklenburg', 'Wismar', '23966'],
  ['nordwestmecklenburg', 'Grevesmühlen', '23936'],
  ['vorpommern_ruegen', 'Stralsund', '18435'],
  ['vorpommern_ruegen', 'Bergen auf Rügen', '18528'],
  ['vorpommern_greifswald', 'Greifswald', '17489'],
  ['vorpommern_greifswald', 'Anklam', '17389'],
  ['mecklenburgische_seenplatte', 'Neubrandenburg', '17033'],
  ['mecklenburgische_seenplatte', 'Waren (Müritz)', '17192'],
  ['ludwigslust_parchim', 'Parchim', '19370'],
  ['ludwigslust_parchim', 'Ludwigslust', '19288'],
];
const PREFIXES = ['Ostsee', 'Hanse', 'Warnow', 'Müritz', 'Bodden', 'Mecklenburger', 'Vorpommersche', 'Rügener', 'Peene', 'Recknitz', 'Nordlicht', 'Küsten'];
const SECTORS: [string, number, string[], 'ihk' | 'hwk'][] = [
  ['C', 40, ['Metallbau', 'Kunststofftechnik', 'Maschinenbau', 'Fischverarbeitung', 'Backwaren', 'Stahlbau', 'Werft'], 'ihk'],
  ['F', 35, ['Bau', 'Dachdeckerei', 'Elektrotechnik', 'Haustechnik', 'Malerbetrieb', 'Tiefbau', 'Zimmerei'], 'hwk'],
  ['G', 35, ['Handel', 'Autohaus', 'Baustoffhandel', 'Frischemarkt', 'Landhandel'], 'ihk'],
  ['H', 25, ['Logistik', 'Spedition', 'Hafenumschlag', 'Kurierdienst', 'Busverkehr'], 'ihk'],
  ['I', 35, ['Hotel', 'Strandhotel', 'Gasthof', 'Catering', 'Ferienpark'], 'ihk'],
  ['Q', 30, ['Pflegedienst', 'Seniorenresidenz', 'Ärztehaus', 'Tagespflege'], 'ihk'],
  ['N', 15, ['Gebäudereinigung', 'Sicherheitsdienst', 'Personalservice'], 'ihk'],
  ['M', 10, ['Ingenieurbüro', 'Labor', 'Planungsbüro'], 'ihk'],
  ['J', 5, ['IT-Service', 'Mediendienst'], 'ihk'],
  ['A', 10, ['Agrargenossenschaft', 'Fischerei', 'Gartenbau'], 'ihk'],
];
const FORMS = ['GmbH', 'GmbH & Co. KG', 'KG', 'e.K.', 'GmbH'];
const SIZES: CompanyInput['sizeClass'][] = ['1-9', '1-9', '10-49', '10-49', '10-49', '1-9', '50-249', '10-49', '1-9', '50-249', '10-49', '250+'];
const PEOPLE = [
  'Bernd Schulze',
  'Tanja Weber',
  'Maria Jung',
  'Oliver Braun',
  'Christina Hahn',
  'Klaus Reimann',
  'Heike Vogt',
  'Sven Lindner',
  'Anja Krause',
  'Dirk Hansen',
];

const GENERATED: CompanyInput[] = SECTORS.flatMap(([section, count, nouns, chamber], s) =>
  Array.from({ length: count }, (_, i) => {
    const n = s * 100 + i;
    const [district, city, postcode] = PLACES[(n * 7) % PLACES.length]!;
    const name = `${PREFIXES[(n * 5) % PREFIXES.length]} ${nouns[i % nouns.length]} ${FORMS[n % FORMS.length]}`;
    const slug = name
      .toLowerCase()
      .replace(/ä/g, 'ae')
      .replace(/ö/g, 'oe')
      .replace(/ü/g, 'ue')
      .replace(/[^a-z]+/g, '-')
      .replace(/^-|-$/g, '');
    return {
      name,
      wzSection: section,
      sizeClass: SIZES[n % SIZES.length]!,
      district,
      postcode,
      city,
      street: `${['Hafenstraße', 'Industriestraße', 'Am Markt', 'Gewerbepark', 'Dorfstraße'][n % 5]} ${(n % 60) + 1}`,
      contactPerson: PEOPLE[n % PEOPLE.length],
      email: `kontakt-${n}@${slug}.example`,
      chamber: section === 'C' && i % 3 === 0 ? 'hwk' : chamber,
    } satisfies CompanyInput;
  }),
);

/** Names stay unique: a repeated name gets its town, as companies of the same name in different towns do. */
const seen = new Set<string>();
export const DEMO_COMPANIES: CompanyInput[] = GENERATED.map((c) => {
  const name = seen.has(c.name) ? `${c.name} ${c.city}` : c.name;
  seen.add(name);
  return { ...c, name };
});
