// Scheduled jobs: EventBridge Scheduler runs them in AWS, the local scheduler at the same cron in Europe/Berlin.

export type Job = {
  name: string;
  /** Five-field cron in Europe/Berlin, e.g. "0 6 1 * *". */
  cron: string;
  /** The handler module, relative to the repository root; it exports `handler(event)`. */
  entry: string;
  description: string;
  /** Whether the job sends e-mail (only then it gets SES). */
  sendsMail: boolean;
  /** Runs often and says nothing when all is well (the local scheduler logs only its failures). */
  quiet?: boolean;
};

/** Jobs are added by the capabilities that own them. */
export const JOBS: Job[] = [
  {
    name: 'retention',
    cron: '30 3 * * *',
    entry: 'functions/jobs/retention/handler.ts',
    description:
      'Anonymisiert Fälle nach der Aufbewahrungsfrist (abgeschlossene, ruhende ohne Aktivität, Anfragen ohne Einwilligung) und beendet unterbrochene Anonymisierungen.',
    sendsMail: false,
  },
  {
    name: 'survey-reminders',
    cron: '0 9 * * *',
    entry: 'functions/jobs/survey-reminders/handler.ts',
    description: 'Startet an den eingestellten Tagen vor Umfrageende die Erinnerungen an Betriebe ohne Antwort und schließt abgelaufene Umfragen.',
    sendsMail: false,
  },
  {
    name: 'monthly-report',
    cron: '0 6 1 * *',
    entry: 'functions/jobs/monthly-report/handler.ts',
    description: 'Erstellt am 1. um 6 Uhr den Monatsbericht des Vormonats und startet seinen Versand an die Netzwerkpartner (den der Worker erledigt).',
    sendsMail: false,
  },
  {
    name: 'report-check',
    cron: '0 8 1 * *',
    entry: 'functions/jobs/report-check/handler.ts',
    description: 'Prüft am 1. um 8 Uhr, dass der Monatsbericht des Vormonats erstellt ist; fehlt er, löst der Fehlschlag einen Alarm aus.',
    sendsMail: false,
  },
  {
    name: 'job-retries',
    cron: '* * * * *',
    entry: 'functions/jobs/job-retries/handler.ts',
    description: 'Gibt Auftragsposten, deren Wartezeit nach einem Fehlversuch um ist oder deren Versuch abgebrochen wurde, erneut an den Worker.',
    sendsMail: false,
    quiet: true,
  },
];

/** The job worker: not scheduled, but woken by the table stream (JOB_STREAM_FILTERS) for new jobs and pending items. */
export const JOB_WORKER = { name: 'worker', entry: 'functions/jobs/worker/handler.ts', sendsMail: true } as const;
