// Failures page someone: CloudWatch alarms on every function, the API, the dead-letter queues, the table, SES's
// reputation and the monthly report, all sent to one SNS topic whose e-mail subscriber is a deploy parameter, and a
// dashboard that shows them. docs/operations.md says for each alarm what it means and what to do.
import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  TreatMissingData,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Operation, type TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { AmonFunction } from './amon-function.ts';

export type MonitoringProps = {
  /** Who is paged: the AlarmEmail deploy parameter. */
  alarmEmail: string;
  functions: Record<string, AmonFunction>;
  api: HttpApi;
  deadLetters: Record<string, Queue>;
  table: TableV2;
  /** The job that fails when the monthly report is missing at 08:00 on the 1st. */
  reportCheck: AmonFunction;
};

const FIVE_MINUTES = Duration.minutes(5);

export class Monitoring extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Alarms', {
      displayName: 'amoN Alarme',
      enforceSSL: true,
      masterKey: new Key(this, 'AlarmsKey', { enableKeyRotation: true, description: 'Encrypts the amoN alarm topic' }),
    });
    this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    // CloudWatch publishes the alarms to the encrypted topic.
    this.topic.masterKey!.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );

    const functionAlarms: Alarm[] = [];
    for (const [name, fn] of Object.entries(props.functions)) {
      functionAlarms.push(this.alarm(`Errors-${name}`, fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }), 1, `Fehler in der Funktion ${name}`));
    }
    // Throttling comes from the account's shared concurrency, so one alarm on the account's Throttles metric covers
    // every function (one alarm per function took 30 of CloudFormation's 500 resources); the dashboard shows which.
    const throttles = this.alarm(
      'LambdaThrottles',
      new Metric({ namespace: 'AWS/Lambda', metricName: 'Throttles', period: FIVE_MINUTES, statistic: 'Sum' }),
      1,
      'Lambda hat Aufrufe gedrosselt (Kontingent des Kontos erschöpft)',
    );
    functionAlarms.push(throttles);

    const apiErrorRate = new MathExpression({
      expression: 'IF(requests > 0, 100 * errors / requests, 0)',
      usingMetrics: {
        errors: props.api.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' }),
        requests: props.api.metricCount({ period: FIVE_MINUTES, statistic: 'Sum' }),
      },
      period: FIVE_MINUTES,
      label: 'API 5xx (%)',
    });
    const api5xx = this.alarm('Api5xxRate', apiErrorRate, 1, 'Mehr als 1 % der API-Anfragen enden mit 5xx');

    const queues = Object.entries(props.deadLetters).map(([name, queue]) =>
      this.alarm(
        `DeadLetters-${name}`,
        queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' }),
        1,
        `Nachrichten in der Dead-Letter-Queue ${name}`,
      ),
    );

    const tableMetric = (metricName: string) =>
      new Metric({ namespace: 'AWS/DynamoDB', metricName, dimensionsMap: { TableName: props.table.tableName }, period: FIVE_MINUTES, statistic: 'Sum' });
    const throttled = new MathExpression({
      expression: 'reads + writes',
      usingMetrics: { reads: tableMetric('ReadThrottleEvents'), writes: tableMetric('WriteThrottleEvents') },
      period: FIVE_MINUTES,
      label: 'DynamoDB-Drosselungen',
    });
    // The operations the functions use (an alarm's expression takes at most ten metrics).
    const systemErrors = props.table.metricSystemErrorsForOperations({
      period: FIVE_MINUTES,
      operations: [
        Operation.GET_ITEM,
        Operation.BATCH_GET_ITEM,
        Operation.QUERY,
        Operation.PUT_ITEM,
        Operation.UPDATE_ITEM,
        Operation.DELETE_ITEM,
        Operation.BATCH_WRITE_ITEM,
        Operation.TRANSACT_WRITE_ITEMS,
      ],
    });
    const tableAlarms = [
      this.alarm('TableThrottles', throttled, 1, 'DynamoDB drosselt Anfragen an die Tabelle'),
      this.alarm('TableSystemErrors', systemErrors, 1, 'DynamoDB meldet Systemfehler'),
    ];

    const ses = (metricName: string) => new Metric({ namespace: 'AWS/SES', metricName, period: Duration.hours(1), statistic: 'Maximum' });
    const sesAlarms = [
      this.alarm('SesBounceRate', ses('Reputation.BounceRate'), 0.05, 'SES-Bounce-Rate über 5 %', ComparisonOperator.GREATER_THAN_THRESHOLD),
      this.alarm('SesComplaintRate', ses('Reputation.ComplaintRate'), 0.001, 'SES-Beschwerderate über 0,1 %', ComparisonOperator.GREATER_THAN_THRESHOLD),
    ];

    const reportMissing = this.alarm(
      'MonthlyReportMissing',
      props.reportCheck.metricErrors({ period: Duration.hours(1), statistic: 'Sum' }),
      1,
      'Der Monatsbericht des Vormonats fehlt am 1. um 8 Uhr',
    );

    const dashboard = new Dashboard(this, 'Dashboard', { dashboardName: 'amoN', defaultInterval: Duration.days(1) });
    dashboard.addWidgets(
      new AlarmStatusWidget({ title: 'Alarme', alarms: [api5xx, ...queues, ...tableAlarms, ...sesAlarms, reportMissing], width: 24 }),
      new GraphWidget({ title: 'API: 5xx-Anteil (%)', left: [apiErrorRate], width: 8 }),
      new GraphWidget({ title: 'Dead-Letter-Queues', left: queues.map((a) => a.metric), width: 8 }),
      new GraphWidget({ title: 'DynamoDB: Drosselungen und Systemfehler', left: [throttled, systemErrors], width: 8 }),
      new GraphWidget({ title: 'SES: Bounce- und Beschwerderate', left: sesAlarms.map((a) => a.metric), width: 12 }),
      new GraphWidget({
        title: 'Funktionen: Fehler',
        left: Object.values(props.functions).map((fn): IMetric => fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' })),
        width: 12,
      }),
      new GraphWidget({
        title: 'Funktionen: Drosselungen',
        left: Object.values(props.functions).map((fn): IMetric => fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' })),
        width: 12,
      }),
      new AlarmStatusWidget({ title: 'Funktionen', alarms: functionAlarms, width: 24 }),
    );
  }

  private alarm(id: string, metric: IMetric, threshold: number, description: string, op = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD): Alarm {
    const alarm = new Alarm(this, id, {
      alarmName: `amon-${id}`,
      alarmDescription: `${description} (docs/operations.md, Alarm ${id})`,
      metric,
      threshold,
      comparisonOperator: op,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    this.alarms.push(alarm);
    return alarm;
  }
}
