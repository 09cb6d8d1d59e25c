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
    description: 'Erinnert Betriebe ohne Antwort an den eingestellten Tagen vor Umfrageende und schließt abgelaufene Umfragen.',
    sendsMail: true,
  },
  {
    name: 'monthly-report',
    cron: '0 6 1 * *',
    entry: 'functions/jobs/monthly-report/handler.ts',
    description: 'Erstellt am 1. um 6 Uhr den Monatsbericht des Vormonats und versendet ihn an die Netzwerkpartner.',
    sendsMail: true,
  },
];
