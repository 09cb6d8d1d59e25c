// Demo network members, modelled on the programme's steering committee and the NQ-Netz MV working group (contacts are fictional).
import type { MemberInput } from '#shared/members/schema.ts';

type Row = [
  name: string,
  kind: MemberInput['kind'],
  city: string,
  postcode: string,
  district: MemberInput['district'],
  steering: boolean,
  digest: boolean,
  contact: string,
  role: string,
];

const ROWS: Row[] = [
  ['Agentur für Arbeit Rostock', 'job_agency', 'Rostock', '18069', 'rostock_city', true, true, 'Katrin Wendt', 'Bereichsleitung Arbeitgeber-Service'],
  ['Agentur für Arbeit Schwerin', 'job_agency', 'Schwerin', '19059', 'schwerin_city', false, true, 'Thomas Brandt', 'Teamleitung Berufsberatung'],
  ['Agentur für Arbeit Stralsund', 'job_agency', 'Stralsund', '18437', 'vorpommern_ruegen', false, true, 'Silke Hoffmann', 'Beauftragte für Chancengleichheit'],
  ['Jobcenter Rostock', 'job_centre', 'Rostock', '18057', 'rostock_city', true, true, 'Andreas Krüger', 'Geschäftsführung'],
  ['Jobcenter Landkreis Rostock', 'job_centre', 'Güstrow', '18273', 'landkreis_rostock', true, true, 'Birgit Lange', 'Markt und Integration'],
  ['Jobcenter Nordwestmecklenburg', 'job_centre', 'Wismar', '23966', 'nordwestmecklenburg', false, true, 'Jens Möller', 'Teamleitung Integration'],
  ['Jobcenter Vorpommern-Greifswald Nord', 'job_centre', 'Greifswald', '17489', 'vorpommern_greifswald', false, false, 'Ute Schröder', 'Fachkraft Integration'],
  [
    'Jobcenter Mecklenburgische Seenplatte Nord',
    'job_centre',
    'Neubrandenburg',
    '17033',
    'mecklenburgische_seenplatte',
    false,
    true,
    'Marco Richter',
    'Teamleitung',
  ],
  ['IHK zu Rostock', 'chamber', 'Rostock', '18055', 'rostock_city', true, true, 'Dr. Claudia Peters', 'Geschäftsbereich Aus- und Weiterbildung'],
  ['Handwerkskammer Ostmecklenburg-Vorpommern', 'chamber', 'Rostock', '18055', 'rostock_city', true, true, 'Frank Neumann', 'Abteilung Berufsbildung'],
  ['IHK zu Schwerin', 'chamber', 'Schwerin', '19053', 'schwerin_city', false, true, 'Heike Zimmermann', 'Prüfungswesen'],
  ['Handwerkskammer Schwerin', 'chamber', 'Schwerin', '19055', 'schwerin_city', false, false, 'Ralf Schulz', 'Berufsbildung'],
  [
    'IHK Neubrandenburg für das östliche Mecklenburg-Vorpommern',
    'chamber',
    'Neubrandenburg',
    '17033',
    'mecklenburgische_seenplatte',
    false,
    true,
    'Sabine Koch',
    'Externenprüfung',
  ],
  [
    'Ministerium für Wirtschaft, Infrastruktur, Tourismus und Arbeit Mecklenburg-Vorpommern',
    'ministry',
    'Schwerin',
    '19053',
    'schwerin_city',
    true,
    true,
    'Dr. Michael Bauer',
    'Referat Arbeitsmarktpolitik',
  ],
  [
    'Ministerium für Soziales, Gesundheit und Sport Mecklenburg-Vorpommern',
    'ministry',
    'Schwerin',
    '19055',
    'schwerin_city',
    true,
    true,
    'Petra Wolf',
    'Referat Integration',
  ],
  ['DGB Nord, Region Rostock-Schwerin', 'union', 'Rostock', '18055', 'rostock_city', true, true, 'Stefan Schmitt', 'Regionsgeschäftsführer'],
  ['Unternehmerverband Rostock-Mittleres Mecklenburg e.V.', 'association', 'Rostock', '18057', 'rostock_city', true, true, 'Karin Meyer', 'Geschäftsführerin'],
  [
    'Allgemeiner Unternehmensverband Neubrandenburg e.V.',
    'association',
    'Neubrandenburg',
    '17033',
    'mecklenburgische_seenplatte',
    false,
    false,
    'Holger Fischer',
    'Vorstand',
  ],
  ['Bildungswerk der Wirtschaft Rostock gGmbH', 'training_provider', 'Rostock', '18106', 'rostock_city', true, true, 'Anja Becker', 'Leitung Weiterbildung'],
  ['Berufsförderungswerk Stralsund', 'training_provider', 'Stralsund', '18439', 'vorpommern_ruegen', false, true, 'Dirk Wagner', 'Fachbereich Umschulung'],
  ['Technik- und Logistikzentrum Güstrow', 'training_provider', 'Güstrow', '18273', 'landkreis_rostock', false, true, 'Monika Schäfer', 'Lehrgangsplanung'],
  ['Bildungszentrum Handwerk Rostock', 'training_provider', 'Rostock', '18147', 'rostock_city', false, true, 'Uwe Hartmann', 'Überbetriebliche Ausbildung'],
  ['Pflegeschule Mecklenburg gGmbH', 'training_provider', 'Schwerin', '19061', 'schwerin_city', false, false, 'Sandra Krause', 'Schulleitung'],
  ['Akademie für Gastronomie und Hotellerie Warnemünde', 'training_provider', 'Rostock', '18119', 'rostock_city', false, true, 'Jörg Lehmann', 'Kursleitung'],
  [
    'Lernwerkstatt Metall und Kunststoff Wismar',
    'training_provider',
    'Wismar',
    '23970',
    'nordwestmecklenburg',
    false,
    false,
    'Nicole Köhler',
    'Ausbildungsleitung',
  ],
  ['Migrantenrat der Hansestadt Rostock', 'migrant_organisation', 'Rostock', '18055', 'rostock_city', true, true, 'Olena Kovalenko', 'Vorsitzende'],
  ['Diên Hông – Gemeinsam unter einem Dach e.V.', 'migrant_organisation', 'Rostock', '18107', 'rostock_city', true, true, 'Thi Lan Nguyen', 'Projektleitung'],
  ['Verein der Syrischen Gemeinde Schwerin e.V.', 'migrant_organisation', 'Schwerin', '19063', 'schwerin_city', false, true, 'Ahmad Al-Hassan', 'Beratung'],
  [
    'Polnisch-Deutscher Verein Pomerania e.V.',
    'migrant_organisation',
    'Pasewalk',
    '17309',
    'vorpommern_greifswald',
    false,
    false,
    'Agnieszka Nowak',
    'Vorstand',
  ],
  ['Universität Rostock, Institut für Berufspädagogik', 'research', 'Rostock', '18051', 'rostock_city', false, true, 'Prof. Dr. Martin Vogel', 'Lehrstuhl'],
  [
    'Hochschule Neubrandenburg, Fachbereich Soziale Arbeit',
    'research',
    'Neubrandenburg',
    '17033',
    'mecklenburgische_seenplatte',
    false,
    false,
    'Dr. Julia Roth',
    'Wissenschaftliche Mitarbeiterin',
  ],
  ['Netzwerk IQ Mecklenburg-Vorpommern', 'association', 'Rostock', '18055', 'rostock_city', false, true, 'Elena Popescu', 'Koordination Anerkennung'],
  ['Neptun Metallbau GmbH', 'company', 'Rostock', '18147', 'rostock_city', false, true, 'Bernd Schulze', 'Geschäftsführer'],
  ['Ostsee Logistik & Spedition GmbH', 'company', 'Rostock', '18147', 'rostock_city', false, false, 'Tanja Weber', 'Personalleitung'],
  ['Pflegedienst Sonnenschein Güstrow', 'company', 'Güstrow', '18273', 'landkreis_rostock', false, true, 'Maria Jung', 'Pflegedienstleitung'],
  ['Mecklenburger Kunststofftechnik GmbH', 'company', 'Parchim', '19370', 'ludwigslust_parchim', false, false, 'Oliver Braun', 'Ausbildungsbeauftragter'],
  ['Hotel Strandperle Kühlungsborn', 'company', 'Kühlungsborn', '18225', 'landkreis_rostock', false, true, 'Christina Hahn', 'Direktion'],
  ['Bäckerei Reimann KG', 'company', 'Wismar', '23966', 'nordwestmecklenburg', false, false, 'Klaus Reimann', 'Inhaber'],
  ['Landkreis Rostock, Stabsstelle Wirtschaftsförderung', 'other', 'Güstrow', '18273', 'landkreis_rostock', false, true, 'Susanne Schmid', 'Fachdienstleitung'],
  [
    'Gleichstellungsbeauftragte der Hanse- und Universitätsstadt Rostock',
    'other',
    'Rostock',
    '18055',
    'rostock_city',
    false,
    true,
    'Ines Kaiser',
    'Gleichstellungsbeauftragte',
  ],
];

const ascii = (s: string) =>
  s
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[^a-z ]/g, '')
    .trim();

export const DEMO_MEMBERS: MemberInput[] = ROWS.map(([name, kind, city, postcode, district, steering, digest, contact, role], i) => {
  const [first = '', ...rest] = ascii(contact.replace(/^(Prof\. )?Dr\. /, '')).split(' ');
  const domain = ascii(name).split(' ').slice(0, 2).join('-') + '.example';
  return {
    name,
    kind,
    address: { street: `${['Hafenstraße', 'Lange Straße', 'Am Markt', 'Kröpeliner Straße', 'Schweriner Straße'][i % 5]} ${(i % 40) + 1}`, postcode, city },
    district,
    contacts: [{ name: contact, role, email: `${first}.${rest.join('-')}@${domain}`, phone: `+49 381 ${4000 + i * 37}`, receivesDigest: digest }],
    steeringCommittee: steering,
    networks: steering ? ['regional', 'nq_netz_mv'] : i % 3 === 0 ? ['nq_netz_mv'] : ['regional'],
    digestSubscribed: digest,
    notes: steering ? 'Mitglied im Lenkungskreis seit Programmstart.' : undefined,
  };
});
