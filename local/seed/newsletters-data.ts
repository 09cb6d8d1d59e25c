// Demo newsletters: fourteen public subscribers who signed up and confirmed through their link, four past issues
// (twice a year) with good-practice stories, a drawn picture each and links to the programme's pages, sent to the
// network's contacts and the subscribers (one also to the manufacturing companies), and the draft of the next one.
// Everything goes through the newsletters service and its jobs on a scripted clock; past mails are not delivered again.
import type { Actor } from '#shared/audit/entry.ts';
import type { MailTransport, OutgoingMail } from '#shared/email/message.ts';
import { jobRepository } from '#shared/jobs/repository.ts';
import { newslettersService } from '#shared/newsletters/domain.ts';
import { SIGNUPS } from '#shared/newsletters/jobs.ts';
import type { Audience, IssueInput } from '#shared/newsletters/schema.ts';
import type { Db } from '#shared/table/port.ts';
import { config } from '#functions/config.ts';
import { folderMedia } from '#functions/newsletters/media.ts';
import { seedJobRunner } from './jobs.ts';
import { demoPicture } from './pictures.ts';

const DAY = 86_400_000;
const SUBSCRIBERS = [
  'a.kowalski',
  'm.haddad',
  'j.petersen',
  'l.nguyen',
  's.wagner',
  'o.melnyk',
  'k.brandt',
  'r.yilmaz',
  'e.schulz',
  'd.popescu',
  'h.lange',
  'n.ibrahim',
  'c.vogel',
  't.frank',
];

type DemoIssue = IssueInput & { monthsAgo: number; audience: Audience };

const ISSUES: DemoIssue[] = [
  {
    monthsAgo: 22,
    title: 'Nachqualifizierung in der Region: das erste Jahr',
    intro:
      'Liebe Partnerinnen und Partner,\n\nein Jahr abschlussorientierte modulare Nachqualifizierung in der Region: Wir berichten, wie Betriebe und Beschäftigte den Weg zum Berufsabschluss gemeinsam gehen, und laden Sie zu unseren nächsten Veranstaltungen ein.',
    sections: [
      {
        heading: 'Gute Praxis: Ein Hotel qualifiziert seine Beschäftigten',
        body: 'Acht Beschäftigte eines Rostocker Hotels arbeiten seit Jahren in Küche und Service – ohne Berufsabschluss. In Qualifizierungsbausteinen neben der Arbeit holen sie ihn nun nach.\n\nDie Personalleiterin: „Wir halten unsere Leute und sie bekommen endlich schwarz auf weiß, was sie können.“',
        links: [{ label: 'Angebote im Gastgewerbe', url: '/katalog/?beruf=633' }],
      },
      {
        heading: 'Netzwerk: neue Partner',
        body: 'Zwei Migrantenorganisationen und ein weiterer Bildungsträger sind dem Netzwerk beigetreten. Gemeinsam erreichen wir Menschen, die bislang keine Beratung gefunden haben.',
        links: [],
      },
    ],
    audience: { network: true, subscribers: true },
  },
  {
    monthsAgo: 16,
    title: 'Lernort Betrieb: Kunststoff und Metall',
    intro: 'Liebe Leserinnen und Leser,\n\nin dieser Ausgabe stellen wir zwei Betriebe vor, die als Lernort Menschen zum Abschluss führen.',
    sections: [
      {
        heading: 'Gute Praxis: 28 Beschäftigte, eine Prüfung',
        body: 'Ein Kunststoffverarbeiter hat mit dem Projekt eine Gruppenmaßnahme aufgesetzt: 28 Beschäftigte, ein gemeinsamer Plan aus Qualifizierungsbausteinen, eine Externenprüfung vor der IHK.\n\nDer Betrieb stellt Maschinen und Ausbilder, der Bildungsträger die Theorie, das Projekt berät und begleitet.',
        links: [{ label: 'Angebote für Kunststoff- und Kautschukberufe', url: '/katalog/?beruf=222' }],
      },
      {
        heading: 'Lernortkooperation: so funktioniert sie',
        body: 'Betriebe, die selbst nicht alle Inhalte vermitteln, teilen sich die Praxis mit einem anderen Betrieb. Wir vermitteln die Partner und schreiben die Vereinbarung mit Ihnen.',
        links: [],
      },
    ],
    audience: { network: true, subscribers: true, companies: { wzSections: ['C'], districts: [] } },
  },
  {
    monthsAgo: 10,
    title: 'Anerkennung durch Anerkennung',
    intro:
      'Liebe Partnerinnen und Partner,\n\nrund um unsere Fachtagung zur Anerkennung ausländischer Berufsabschlüsse: Rückblick, Erfahrungen und was nun folgt.',
    sections: [
      {
        heading: 'Rückblick auf die Fachtagung',
        body: 'Fast hundert Teilnehmende aus Kammern, Jobcentern, Agentur für Arbeit, Betrieben und Migrantenorganisationen haben diskutiert, wie Anerkennung und Nachqualifizierung zusammenwirken.\n\nDie Vorträge und Ergebnisse der Arbeitsgruppen schicken wir Ihnen auf Wunsch gern zu.',
        links: [{ label: 'Unsere Veranstaltungen', url: '/veranstaltungen/' }],
      },
      {
        heading: 'Gute Praxis: Vom Anerkennungsbescheid zum Abschluss',
        body: 'Eine Elektronikerin aus der Ukraine erhielt eine teilweise Anerkennung. Die fehlenden Inhalte hat sie in zwei Anpassungsbausteinen nachgeholt – heute ist ihr Abschluss voll anerkannt.',
        links: [],
      },
    ],
    audience: { network: true, subscribers: true },
  },
  {
    monthsAgo: 4,
    title: 'Fachkräfte sichern mit Nachqualifizierung',
    intro:
      'Liebe Leserinnen und Leser,\n\nunsere Betriebsbefragung zeigt, wo in der Region Fachkräfte fehlen – und wie Nachqualifizierung hilft, die Lücken zu schließen.',
    sections: [
      {
        heading: 'Ergebnisse der Betriebsbefragung',
        body: 'Mehr als die Hälfte der befragten Betriebe sucht Fachkräfte in Lager und Logistik, in der Pflege und im Gastgewerbe. Viele beschäftigen Menschen ohne Abschluss, die für eine Nachqualifizierung in Frage kommen.',
        links: [{ label: 'Der Angebotskatalog', url: '/katalog/' }],
      },
      {
        heading: 'Gute Praxis: Lagerlogistik in Teilzeit',
        body: 'Ein Logistikbetrieb in Schwerin qualifiziert vier Beschäftigte in Teilzeit zur Fachkraft für Lagerlogistik. Die Förderung übernimmt die Agentur für Arbeit.',
        links: [{ label: 'Angebote Lagerlogistik', url: '/katalog/?beruf=513' }],
      },
    ],
    audience: { network: true, subscribers: true },
  },
];

export const DEMO_NEWSLETTER_STEPS = SUBSCRIBERS.length + ISSUES.length + 1;

export async function seedNewsletters(db: Db, actor: Actor, now: Date, step: () => void): Promise<void> {
  let at = now;
  const clock = () => at;
  const siteUrl = config().SITE_URL;
  const service = newslettersService(db, { siteUrl, media: folderMedia(config().MEDIA_DIR) }, clock);
  // Confirmation links are read from the mail as the person would; past issues were delivered before the demo began.
  const letters: OutgoingMail[] = [];
  const catching: MailTransport = { send: async (mail) => (letters.push(mail), { messageId: 'demo-past' }) };
  const runJob = seedJobRunner(db, catching, siteUrl, clock);
  const jobs = jobRepository(db);

  for (const [i, name] of SUBSCRIBERS.entries()) {
    at = new Date(now.getTime() - (720 - i * 45) * DAY);
    await service.subscribe({ email: `${name}@example.net`, language: i % 5 === 3 ? 'en' : 'de', consent: true });
    await runJob((await jobs.ofSubject({ type: 'newsletter', id: SIGNUPS }, undefined, 1)).items[0]?.id);
    const token = /#bestaetigen=(\S+)/.exec(letters.at(-1)?.text ?? '')?.[1];
    at = new Date(at.getTime() + 3 * 3_600_000);
    if (token) await service.confirm(token);
    step();
  }

  for (const [n, demo] of ISSUES.entries()) {
    at = new Date(now.getTime() - demo.monthsAgo * 30 * DAY);
    const { monthsAgo: _m, audience, ...input } = demo;
    const draft = await service.create({ ...input, sections: [] }, actor);
    const picture = await service.uploadPicture(draft.id, { contentType: 'image/png', data: Buffer.from(demoPicture(n)).toString('base64') }, actor);
    const sections = input.sections.map((s, i) => (i === 0 ? { ...s, picture: { key: picture.key, alt: 'Zeichnung: eine Werkhalle am Horizont' } } : s));
    const written = await service.update(draft.id, { ...input, sections, version: draft.version }, actor);
    at = new Date(at.getTime() + 2 * DAY);
    const sent = await service.send(written.id, { version: written.version, audience }, actor);
    await runJob(sent.jobId);
    step();
  }

  at = new Date(now.getTime() - 2 * DAY);
  await service.create(
    {
      title: 'Newsletter 1/2027 (Entwurf)',
      intro: 'Liebe Partnerinnen und Partner,\n\nzum Jahresbeginn ein Blick auf die Abschlüsse des vergangenen Jahres und unsere nächsten Termine.',
      sections: [
        {
          heading: 'Workshop: Beschäftigte mit Migrationsgeschichte gewinnen und halten',
          body: 'Melden Sie sich jetzt an – die Plätze sind begrenzt.',
          links: [{ label: 'Zu den Veranstaltungen', url: '/veranstaltungen/' }],
        },
      ],
    },
    actor,
  );
  step();
}
