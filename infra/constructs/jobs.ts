// Background work: one Lambda per scheduled job of functions/jobs.ts on an EventBridge Scheduler schedule in
// Europe/Berlin (retries, and a dead-letter queue for failed deliveries and for runs that keep throwing), and the job
// worker on the table stream (filtered to jobs and pending items, partial batch failures, bisect, retries, and a
// dead-letter queue for records it gives up on). Sending holds the SES rate: one worker at a time, paced per second.
import { FONT_PATHS, FONT_USERS } from '#shared/pdf/fonts.ts';
import { Duration, RemovalPolicy, TimeZone } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { ContextAttribute, Schedule, ScheduleExpression, ScheduleGroup, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { tableAccessOf } from '#functions/access.ts';
import { JOB_STREAM_FILTERS } from '#functions/jobs/stream.ts';
import { JOB_WORKER, JOBS, type Job } from '#functions/jobs.ts';
import { AmonFunction } from './amon-function.ts';

/** "30 3 * * *" (minute hour day month weekday) in the fields EventBridge Scheduler takes. */
export function cronFields(cron: string) {
  const [minute, hour, day, month, weekDay] = cron.split(/\s+/) as [string, string, string, string, string];
  return { minute, hour, ...(weekDay === '*' ? { day, month } : { weekDay, month }) };
}

export type JobsProps = {
  table: TableV2;
  environment: Record<string, string>;
  /** Mails per second the SES account allows (sandbox 1, production 14 by default): the worker's pace. */
  mailRatePerSecond: number;
};

/** Workers that may run at once: one, so the pace of one worker is the pace of all. */
export const WORKER_CONCURRENCY = 1;

export class Jobs extends Construct {
  readonly group: ScheduleGroup;
  /** Schedules that could not deliver, and runs of a scheduled job that failed after their retries. */
  readonly deadLetters: Queue;
  /** Stream records the worker gave up on after its retries. */
  readonly workerDeadLetters: Queue;
  readonly functions: Record<string, AmonFunction> = {};
  readonly worker: AmonFunction;

  constructor(scope: Construct, id: string, props: JobsProps) {
    super(scope, id);
    this.group = new ScheduleGroup(this, 'Group', { removalPolicy: RemovalPolicy.RETAIN });
    const queue = (name: string) => new Queue(this, name, { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
    this.deadLetters = queue('DeadLetters');
    this.workerDeadLetters = queue('WorkerDeadLetters');
    for (const job of JOBS) this.addJob(job, props);
    this.worker = this.addWorker(props);
  }

  private addWorker(props: JobsProps): AmonFunction {
    const fn = new AmonFunction(this, `Fn-${JOB_WORKER.name}`, {
      entry: JOB_WORKER.entry,
      timeout: Duration.minutes(5),
      memorySize: 1024,
      environment: { ...props.environment, MAIL_RATE_PER_SECOND: String(Math.max(1, Math.floor(props.mailRatePerSecond / WORKER_CONCURRENCY))) },
      reservedConcurrentExecutions: WORKER_CONCURRENCY,
    });
    fn.bindTable(props.table, tableAccessOf(`job:${JOB_WORKER.name}`));
    fn.addEventSource(
      new DynamoEventSource(props.table, {
        // Records of the last 24 hours are kept; an item handed over again is claimed once, so replaying is safe.
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 20,
        parallelizationFactor: 1,
        filters: JOB_STREAM_FILTERS.map((f) => FilterCriteria.filter(f)),
        reportBatchItemFailures: true,
        bisectBatchOnError: true,
        retryAttempts: 8,
        maxRecordAge: Duration.hours(24),
        onFailure: new SqsDlq(this.workerDeadLetters),
      }),
    );
    return fn;
  }

  private addJob(job: Job, props: JobsProps) {
    const fn = new AmonFunction(this, `Fn-${job.name}`, {
      entry: job.entry,
      timeout: Duration.minutes(10),
      memorySize: 1024,
      environment: props.environment,
      // The monthly report's PDF embeds a Unicode font, so partners' and contacts' names print as they are written.
      ...(FONT_USERS.includes(job.name) ? { filesBesideBundle: FONT_PATHS } : {}),
    });
    fn.bindTable(props.table, tableAccessOf(`job:${job.name}`));
    // A run that throws is tried twice more by Lambda and then lands in the dead-letter queue (an alarm watches it).
    fn.configureAsyncInvoke({ retryAttempts: 2, maxEventAge: Duration.hours(6), onFailure: new SqsDestination(this.deadLetters) });
    this.functions[job.name] = fn;
    new Schedule(this, `Schedule-${job.name}`, {
      scheduleGroup: this.group,
      description: job.description,
      schedule: ScheduleExpression.cron({ ...cronFields(job.cron), timeZone: TimeZone.EUROPE_BERLIN }),
      target: new LambdaInvoke(fn, {
        // The scheduled time (not the time of a retry) decides which month or day a run is for.
        input: ScheduleTargetInput.fromObject({ job: job.name, args: [], scheduledAt: ContextAttribute.scheduledTime }),
        deadLetterQueue: this.deadLetters,
        retryAttempts: 3,
        maxEventAge: Duration.hours(6),
      }),
    });
  }
}
