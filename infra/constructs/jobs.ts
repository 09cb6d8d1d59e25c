// Scheduled jobs: one Lambda per job of functions/jobs.ts, an EventBridge Scheduler schedule in Europe/Berlin with retries, and a dead-letter queue.
import { Duration, RemovalPolicy, TimeZone } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { ContextAttribute, Schedule, ScheduleExpression, ScheduleGroup, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { tableAccessOf } from '#functions/access.ts';
import { JOBS, type Job } from '#functions/jobs.ts';
import { AmonFunction } from './amon-function.ts';

/** "30 3 * * *" (minute hour day month weekday) in the fields EventBridge Scheduler takes. */
export function cronFields(cron: string) {
  const [minute, hour, day, month, weekDay] = cron.split(/\s+/) as [string, string, string, string, string];
  return { minute, hour, ...(weekDay === '*' ? { day, month } : { weekDay, month }) };
}

export class Jobs extends Construct {
  readonly group: ScheduleGroup;
  readonly deadLetters: Queue;
  readonly functions: Record<string, AmonFunction> = {};

  constructor(scope: Construct, id: string, props: { table: TableV2; environment: Record<string, string> }) {
    super(scope, id);
    this.group = new ScheduleGroup(this, 'Group', { removalPolicy: RemovalPolicy.RETAIN });
    this.deadLetters = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    for (const job of JOBS) this.addJob(job, props);
  }

  private addJob(job: Job, props: { table: TableV2; environment: Record<string, string> }) {
    const fn = new AmonFunction(this, `Fn-${job.name}`, { entry: job.entry, timeout: Duration.minutes(10), memorySize: 1024, environment: props.environment });
    fn.bindTable(props.table, tableAccessOf(`job:${job.name}`));
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
