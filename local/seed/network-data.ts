// Demo network year, played through the real services with a scripted clock: twelve monthly working meetings of
// NQ-Netz MV (2nd Wednesday) and four steering committee meetings with invitations, attendance, minutes, decisions
// and action items; two upcoming meetings; then the twelve past monthly reports, made by the report service.
import type { Actor } from '#shared/audit/entry.ts';
import { meetingsService } from '#shared/meetings/domain.ts';
import type { Meeting } from '#shared/meetings/schema.ts';
import { memberRepository } from '#shared/members/repository.ts';
import { previousMonth } from '#shared/reports/figures.ts';
import { reportsService, type ReportStore } from '#shared/reports/domain.ts';
import type { Db } from '#shared/table/access.ts';
import { addDays, berlinDate, berlinInstant, berlinMonth } from '#shared/time.ts';
import { random } from './random.ts';
import { seedJobRunner } from './jobs.ts';

export const DEMO_NETWORK_STEPS = 12 + 4 + 12;

const TOPICS = [
  'Externenprüfung: Termine und Zulassungen',
  'Bedarfe aus der Betriebsbefragung',
  'Teilqualifikationen in der Logistik',
  'Sprachförderung berufsbegleitend',
  'Fördermittel: Bildungsgutschein und QCG',
  'Erfahrungen aus den Landkreisen',
  'Anerkennung ausländischer Abschlüsse',
  'Öffentlichkeitsarbeit und Fachtag',
];
const DECISIONS = [
  'Der Fachtag findet im Herbst in Rostock statt.',
  'Die Kammern melden freie Prüfungsplätze monatlich an die Koordination.',
  'Die Betriebsbefragung wird um Fragen zur Sprachförderung ergänzt.',
  'Neue Partner werden im nächsten Treffen vorgestellt.',
];
const ACTIONS = [
  'Prüfungstermine der Kammern sammeln und verteilen',
  'Liste der Bildungsträger mit Teilqualifikationen aktualisieren',
  'Ansprechpersonen für Anerkennungsberatung benennen',
  'Einladung zum Fachtag vorbereiten',
  'Rückmeldung der Jobcenter zu Förderfällen einholen',
];

/** The 2nd Wednesday of a month, "2026-03-11". */
function secondWednesday(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - 1, 1)).getUTCDay();
  const day = 1 + ((3 - first + 7) % 7) + 7;
  return `${month}-${String(day).padStart(2, '0')}`;
}

export async function seedNetwork(db: Db, actor: Actor, now: Date, store: ReportStore, siteUrl: string, step: () => void): Promise<void> {
  let at = now;
  const clock = () => at;
  const quiet = { send: async () => ({ messageId: 'demo-past' }) }; // invitations of the past were mailed before the demo began
  const meetings = meetingsService(db, clock);
  // The mails go out as jobs; the seed does each job at once, on its scripted clock.
  const runJob = seedJobRunner(db, quiet, siteUrl, clock);

  const members = (await memberRepository(db).list({ limit: 100 })).items;
  const group = members.filter((m) => m.networks.includes('nq_netz_mv') || m.kind !== 'company').slice(0, 12);
  const steering = members.filter((m) => m.steeringCommittee).slice(0, 12);
  const r = random(20_251_201);
  const thisMonth = berlinMonth(now);
  const months: string[] = [];
  for (let m = previousMonth(thisMonth), i = 0; i < 12; i++, m = previousMonth(m)) months.unshift(m);

  async function hold(
    input: Omit<Parameters<typeof meetings.create>[0], 'agenda' | 'inviteeIds'> & { invitees: string[] },
    actionCount: number,
  ): Promise<Meeting> {
    const start = berlinInstant(input.startsAt);
    at = new Date(start.getTime() - 21 * 86_400_000);
    const agenda = [
      { title: 'Begrüßung und Protokoll', minutes: 10 },
      ...r.some(TOPICS, 3).map((title) => ({ title, minutes: r.pick([20, 30, 45]) })),
      { title: 'Verschiedenes', minutes: 10 },
    ];
    const { invitees, ...rest } = input;
    const created = await meetings.create({ ...rest, agenda, inviteeIds: invitees }, actor);
    const invited = await meetings.invite(created.id, actor);
    await runJob(invited.jobId);
    at = new Date(berlinInstant(input.endsAt).getTime() + 2 * 3_600_000);
    const attended = await meetings.recordAttendance(
      created.id,
      {
        version: invited.version,
        entries: invited.inviteeIds.map((memberId) => ({ memberId, attendance: r.next() < 0.78 ? 'present' : r.next() < 0.7 ? 'excused' : 'absent' })),
      },
      actor,
    );
    const { id: _i, invitees: _v, sequence: _s, invitationsSentAt: _t, createdAt: _c, updatedAt: _u, cancelledAt: _x, seriesId: _r, ...fields } = attended;
    const minuted = await meetings.update(
      created.id,
      {
        ...fields,
        minutes: `Protokoll ${input.title}\n\n${agenda.map((a, i) => `TOP ${i + 1} ${a.title}: besprochen.`).join('\n')}`,
        decisions: r.some(DECISIONS, r.int(1, 2)),
      },
      actor,
    );
    for (const title of r.some(ACTIONS, actionCount)) {
      const owner = r.pick(invited.inviteeIds);
      const due = new Date(start.getTime() + r.int(14, 40) * 86_400_000).toISOString().slice(0, 10);
      const action = await meetings.addAction(created.id, { title, ownerId: owner, dueOn: due, status: 'open' }, actor);
      // Most items are done by their due date; the newest stay open and carry over.
      if (new Date(`${due}T12:00:00Z`) < now && r.next() < 0.8) {
        const done = at;
        at = new Date(`${due}T09:00:00Z`);
        await meetings.updateAction(created.id, action.id, { title, ownerId: owner, dueOn: due, status: 'done', version: action.version }, actor);
        at = done;
      }
    }
    step();
    return minuted;
  }

  for (const month of months) {
    const day = secondWednesday(month);
    await hold(
      {
        kind: 'working_meeting',
        title: 'Arbeitstreffen NQ-Netz MV',
        startsAt: `${day}T10:00`,
        endsAt: `${day}T12:30`,
        place: 'IHK zu Rostock, Ernst-Barlach-Straße 1–3, Raum 2.14',
        invitees: group.map((m) => m.id),
      },
      r.int(1, 2),
    );
  }
  for (const month of months.filter((_, i) => i % 3 === 2)) {
    const day = addDays(secondWednesday(month), 14); // the 4th Wednesday
    await hold(
      {
        kind: 'steering_committee',
        title: 'Lenkungskreis amoN',
        startsAt: `${day}T14:00`,
        endsAt: `${day}T16:00`,
        onlineUrl: 'https://meet.amon.example/lenkungskreis',
        invitees: steering.map((m) => m.id),
      },
      1,
    );
  }

  // The next two working meetings: scheduled, not yet announced.
  at = now;
  const [ty, tm] = thisMonth.split('-').map(Number) as [number, number];
  const following = tm === 12 ? `${ty + 1}-01` : `${ty}-${String(tm + 1).padStart(2, '0')}`;
  const next = secondWednesday(thisMonth) > berlinDate(now) ? thisMonth : following;
  const upcoming = await meetings.create(
    {
      kind: 'working_meeting',
      title: 'Arbeitstreffen NQ-Netz MV',
      startsAt: `${secondWednesday(next)}T10:00`,
      endsAt: `${secondWednesday(next)}T12:30`,
      place: 'IHK zu Rostock, Ernst-Barlach-Straße 1–3, Raum 2.14',
      agenda: [
        { title: 'Begrüßung und Protokoll', minutes: 10 },
        { title: 'Offene Aufgaben', minutes: 20 },
      ],
      inviteeIds: group.map((m) => m.id),
    },
    actor,
  );
  await meetings.series(upcoming.id, { count: 1 }, actor);

  // The past reports, each made at 06:00 on the 1st of the following month, as the job makes them.
  const reports = reportsService(db, store, clock);
  for (const month of months) {
    const [y, m] = month.split('-').map(Number) as [number, number];
    at = berlinInstant(`${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01T06:00`);
    if (at > now) at = now;
    await reports.generate(month, { id: 'monthly-report', email: 'monthly-report@amon.local', roles: [] });
    step();
  }
}
