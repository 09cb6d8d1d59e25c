// The work of a group measure's jobs, one case per item: a step for the roster (a module's certificate, the exam's
// registration, admission, results) and a changed shared plan reaching each participant. Each item changes its case
// through the case's own rules (consent, the exam's guards), with a history line and an audit entry by the person
// who started the job; an item tried again finds its step done and changes nothing.
import type { Actor } from '../audit/entry.ts';
import { caseChildren } from '../cases/children.ts';
import { casesService } from '../cases/domain.ts';
import { ExamInput } from '../cases/schema.ts';
import { DomainError } from '../errors.ts';
import { Permanent, type JobKindHandler } from '../jobs/engine.ts';
import type { Job } from '../jobs/schema.ts';
import type { Db } from '../table/port.ts';
import { systemClock, type Clock } from '../time.ts';
import { planSync } from './domain.ts';
import { measureRepository } from './repository.ts';

const german = (iso: string) => iso.split('-').reverse().join('.');
const ADMISSION_WORDS: Record<string, string> = {
  pending: 'offen',
  admitted: 'zugelassen',
  refused: 'abgelehnt',
  admitted_with_waiver: 'zugelassen (mit Verkürzung)',
};

export function measureJobKinds(db: Db, clock: Clock = systemClock): Record<'measure-step' | 'measure-plan', JobKindHandler> {
  const repo = measureRepository(db);
  const cases = casesService(db, clock);
  const children = caseChildren(cases, clock);

  const actorOf = (job: Job): Actor => ({
    id: String(job.params.actorId),
    email: String(job.params.actorEmail ?? ''),
    roles: Array.isArray(job.params.actorRoles) ? job.params.actorRoles : [],
  });
  /** The participants the job names, with their case numbers as the items' labels (no names in the job). */
  async function items(job: Job) {
    const found = await repo.withParticipants(job.subject.id);
    const wanted = new Set(Array.isArray(job.params.caseIds) ? job.params.caseIds : []);
    return (found?.participants ?? []).filter((p) => wanted.has(p.caseId)).map((p) => ({ key: p.caseId, label: `Fall ${p.caseNumber}` }));
  }
  /** A refusal by the case's rules will not change on a retry: it fails the item with its reason. */
  async function permanent<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof DomainError && error.status !== 409) {
        throw new Permanent([error.message, ...error.fields.map((f) => `${f.path}: ${f.message}`)].join(' '));
      }
      throw error;
    }
  }

  return {
    'measure-step': {
      items,
      async perform(job, item) {
        const measure = await repo.get(job.subject.id);
        if (!measure) return 'skipped';
        const p = job.params as Record<string, string>;
        const actor = actorOf(job);
        if (p.kind === 'module_completed') {
          const mm = measure.modules.find((m) => m.id === p.moduleId);
          if (!mm) return 'skipped';
          // Decided on the case as the change loads it: a module already completed (a retried item) changes nothing.
          const changed = await permanent(() =>
            children.changeModules(
              item.key,
              (agg) => {
                const mine = agg.modules.find((x) => x.measureId === measure.id && x.measureModuleId === p.moduleId);
                if (!mine || mine.status === 'completed' || mine.status === 'dropped') return { add: [], update: [], remove: [] };
                const { id, version: _v, createdAt: _c, updatedAt: _u, ...fields } = mine;
                return { add: [], update: [{ id, fields: { ...fields, status: 'completed', certificateDate: p.certificateDate } }], remove: [] };
              },
              actor,
              `Gruppenmaßnahme „${measure.title}“: Baustein „${mm.title}“ abgeschlossen, Zertifikat vom ${german(p.certificateDate!)}`,
            ),
          );
          return changed ? 'done' : 'skipped';
        }
        const agg = await cases.repo.load(item.key);
        const exam: Partial<ExamInput> & { version?: number } = agg.exam ? { ...agg.exam } : {};
        const { id: _id, createdAt: _c, updatedAt: _u, ...current } = exam as Record<string, unknown>;
        let next: Record<string, unknown>;
        let note: string;
        if (p.kind === 'exam_registered') {
          if (agg.exam?.applicationDate) return 'skipped';
          next = { ...current, applicationDate: p.applicationDate };
          note = `Gruppenmaßnahme „${measure.title}“: zur Externenprüfung angemeldet am ${german(p.applicationDate!)}`;
        } else if (p.kind === 'admission') {
          if (agg.exam?.admission === p.admission && agg.exam?.admissionDate === p.admissionDate) return 'skipped';
          next = { ...current, admission: p.admission, admissionDate: p.admissionDate };
          note = `Gruppenmaßnahme „${measure.title}“: Zulassung ${ADMISSION_WORDS[p.admission!] ?? p.admission} am ${german(p.admissionDate!)}`;
        } else {
          if (agg.exam?.finalResult) return 'skipped';
          next = { ...current, finalResult: p.finalResult, finalDate: p.finalDate };
          note = `Gruppenmaßnahme „${measure.title}“: Abschlussprüfung ${p.finalResult === 'passed' ? 'bestanden' : 'nicht bestanden'} am ${german(p.finalDate!)}`;
        }
        const parsed = ExamInput.safeParse(Object.fromEntries(Object.entries(next).filter(([k]) => k !== 'version')));
        if (!parsed.success) throw new Permanent(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
        await permanent(() => children.putExam(item.key, { ...parsed.data, ...(agg.exam ? { version: agg.exam.version } : {}) }, actor, note));
        return 'done';
      },
    },
    'measure-plan': {
      items,
      async perform(job, item) {
        const measure = await repo.get(job.subject.id);
        // A later change of the plan started its own job: this one's items have nothing left to do.
        if (!measure || String(measure.version) !== job.params.version) return 'skipped';
        const changed = await permanent(() =>
          children.changeModules(item.key, (agg) => planSync(measure, agg), actorOf(job), `Gruppenmaßnahme „${measure.title}“: Plan geändert`),
        );
        return changed ? 'done' : 'skipped';
      },
    },
  };
}
