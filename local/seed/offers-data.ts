// Demo offer catalogue: module offers of the network's seven training providers, with start dates around today
// (a few already past their last start, so they have fallen out of the catalogue), for the occupations the region
// qualifies in. Some groups with company demand get no offer, so "Bedarf und Angebot" shows gaps.
import type { Actor } from '#shared/audit/entry.ts';
import { membersService } from '#shared/members/domain.ts';
import { offersService } from '#shared/offers/domain.ts';
import type { OfferInput } from '#shared/offers/schema.ts';
import type { Db } from '#shared/table/access.ts';
import { addDays, berlinDate } from '#shared/time.ts';
import { random } from './random.ts';

type Template = [provider: string, title: string, code: string, kind: OfferInput['kind'], hours: number, format: OfferInput['format'], costEuro: number];

const BWR = 'Bildungswerk der Wirtschaft Rostock gGmbH';
const BFW = 'Berufsförderungswerk Stralsund';
const TLZ = 'Technik- und Logistikzentrum Güstrow';
const BZH = 'Bildungszentrum Handwerk Rostock';
const PFL = 'Pflegeschule Mecklenburg gGmbH';
const AGH = 'Akademie für Gastronomie und Hotellerie Warnemünde';
const LWW = 'Lernwerkstatt Metall und Kunststoff Wismar';

const TEMPLATES: Template[] = [
  [TLZ, 'QB 1 Lagerlogistik: Waren annehmen und prüfen', '51312', 'qualification_module', 280, 'part_time', 2900],
  [TLZ, 'QB 2 Lagerlogistik: Güter lagern und kommissionieren', '51312', 'qualification_module', 320, 'part_time', 3300],
  [TLZ, 'QB 3 Lagerlogistik: Versand und Tourenplanung', '51312', 'qualification_module', 240, 'full_time', 2600],
  [TLZ, 'Staplerschein und Flurförderzeuge', '51312', 'training_module', 40, 'full_time', 450],
  [TLZ, 'Prüfungsvorbereitung Fachlagerist/in (Externenprüfung)', '51312', 'exam_preparation', 120, 'part_time', 1200],
  [BFW, 'Hafenlogistik: Umschlag und Ladungssicherung', '51332', 'qualification_module', 300, 'full_time', 3400],
  [BFW, 'Berufskraftfahrer/in: Grundqualifikation', '52122', 'training_module', 140, 'full_time', 2800],
  [LWW, 'QB 1 Kunststofftechnik: Spritzgießmaschinen bedienen', '22102', 'qualification_module', 280, 'in_company', 3100],
  [LWW, 'QB 2 Kunststofftechnik: Werkzeuge rüsten und Qualität prüfen', '22102', 'qualification_module', 350, 'in_company', 3600],
  [LWW, 'Maschinen- und Anlagenführer/in Kunststoff: Prüfungsvorbereitung', '22182', 'exam_preparation', 160, 'part_time', 1500],
  [LWW, 'Zerspanung: CNC-Drehen und -Fräsen', '24232', 'qualification_module', 420, 'full_time', 4800],
  [LWW, 'Metalltechnik: Grundlagen der Metallbearbeitung', '24202', 'training_module', 200, 'full_time', 2200],
  [BZH, 'Metallbau: Schweißen nach DIN EN ISO 9606', '24412', 'training_module', 160, 'full_time', 2400],
  [BZH, 'Elektrotechnik für Gebäude: Installation und Prüfung', '26212', 'qualification_module', 360, 'full_time', 4100],
  [BZH, 'Anpassungsqualifizierung Elektrotechnik: deutsche Normen und VDE', '26212', 'adaptation', 120, 'part_time', 1600],
  [BZH, 'Anpassungsqualifizierung Kfz: Diagnose und Hochvolttechnik', '25212', 'adaptation', 160, 'full_time', 2100],
  [BZH, 'Tischlerei: Maschinen und Arbeitssicherheit', '22302', 'training_module', 120, 'full_time', 1500],
  [BWR, 'QB 1 Verkauf: Kundenberatung und Warenpräsentation', '62102', 'qualification_module', 240, 'part_time', 2300],
  [BWR, 'QB 2 Verkauf: Kasse und Warenwirtschaft', '62102', 'qualification_module', 200, 'part_time', 2000],
  [BWR, 'Büromanagement: Buchhaltung und Auftragsbearbeitung', '71402', 'qualification_module', 360, 'part_time', 3500],
  [BWR, 'Anpassungsqualifizierung Büro: Steuer- und Sozialversicherungsrecht', '71402', 'adaptation', 100, 'part_time', 1300],
  [BWR, 'Prüfungsvorbereitung Kaufleute im Einzelhandel', '62102', 'exam_preparation', 140, 'part_time', 1400],
  [PFL, 'Pflegehilfe: Grundpflege und Dokumentation', '81302', 'training_module', 200, 'full_time', 2500],
  [PFL, 'Anpassungslehrgang Pflegefachfrau/-mann (Kenntnisprüfung)', '81302', 'adaptation', 420, 'full_time', 5200],
  [AGH, 'QB 1 Küche: Arbeiten in der Küche, Hygiene (HACCP)', '29302', 'qualification_module', 240, 'in_company', 2100],
  [AGH, 'QB 2 Küche: Speisen zubereiten', '29302', 'qualification_module', 320, 'in_company', 2700],
  [AGH, 'Hotelfach: Empfang und Gästeservice', '63212', 'qualification_module', 200, 'part_time', 1900],
  [AGH, 'Prüfungsvorbereitung Fachkraft Küche', '29302', 'exam_preparation', 100, 'part_time', 900],
];

const PLACES: Record<string, [OfferInput['district'], string]> = {
  [BWR]: ['rostock_city', 'Rostock, Schweriner Straße 10'],
  [BFW]: ['vorpommern_ruegen', 'Stralsund, Große Parower Straße 133'],
  [TLZ]: ['landkreis_rostock', 'Güstrow, Speicherstraße 4'],
  [BZH]: ['rostock_city', 'Rostock, Ernst-Barlach-Straße 3'],
  [PFL]: ['schwerin_city', 'Schwerin, Wismarsche Straße 298'],
  [AGH]: ['rostock_city', 'Rostock-Warnemünde, Am Strom 59'],
  [LWW]: ['nordwestmecklenburg', 'Wismar, Kopenhagener Straße 7'],
};

export const DEMO_OFFERS = TEMPLATES.length;

export async function seedOffers(db: Db, actor: Actor, now: Date, step: () => void): Promise<void> {
  const r = random(151);
  const today = berlinDate(now);
  const providers = await membersService(db).list({ kind: 'training_provider', limit: 100 });
  const idOf = new Map(providers.items.map((m) => [m.name, m]));
  const offers = offersService(db, () => now);
  for (const [i, [provider, title, code, kind, hours, format, costEuro]] of TEMPLATES.entries()) {
    const member = idOf.get(provider);
    if (!member) throw new Error(`Der Demo-Bildungsträger ${provider} fehlt.`);
    const [district, place] = PLACES[provider]!;
    // Every seventh offer's starts are all past: it has fallen out of the catalogue. The others start twice, the
    // second start ahead (the first may have passed).
    const past = i % 7 === 6;
    const first = past ? -r.int(60, 120) : r.int(-20, 60);
    const startDates = [addDays(today, first), addDays(today, past ? first + 30 : Math.max(first, 0) + r.int(60, 120))];
    const contact = member.contacts[0];
    await offers.create(
      {
        providerMemberId: member.id,
        title,
        occupationCode: code,
        kind,
        hours,
        format,
        places: r.int(6, 16),
        startDates,
        district,
        place,
        costEuro,
        azav: provider !== PFL || kind !== 'adaptation',
        ...(contact ? { contact: { name: contact.name, ...(contact.email ? { email: contact.email } : {}) } } : {}),
        description: `${hours} Stunden, ${format === 'in_company' ? 'überwiegend im Betrieb' : format === 'part_time' ? 'berufsbegleitend in Teilzeit' : 'in Vollzeit'}, mit Zertifikat des Trägers.`,
      },
      actor,
    );
    step();
  }
}
