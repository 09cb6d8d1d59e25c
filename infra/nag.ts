// cdk-nag acknowledgements: each names the finding and says why it is accepted; everything else must pass.
import { Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

type Ack = { id: string; reason: string };

const ack = (scope: IConstruct, ...acks: Ack[]) => {
  for (const a of acks) Validations.of(scope).acknowledge({ id: `AwsSolutions::${a.id}`, reason: a.reason });
};

/** Findings on every Lambda function of ours (AmonFunction). */
export function acknowledgeFunction(fn: IConstruct): void {
  ack(fn, {
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason: 'X-Ray PutTraceSegments/PutTelemetryRecords support no resource-level permissions; nothing else of the role is on *.',
  });
}

/** Query access to the table's GSIs needs the index wildcard; the grant stays on this one table and its declared partitions. */
export function acknowledgeTableIndexes(fn: IConstruct, tableLogicalRef: string): void {
  ack(fn, {
    id: `AwsSolutions-IAM5[Resource::<${tableLogicalRef}.Arn>/index/*]`,
    reason:
      'Lists are Queries on the table’s own GSIs; the grant is limited by dynamodb:LeadingKeys to the partitions the function declares (functions/access.ts).',
  });
}

export function acknowledgeFindings(stack: Stack): void {
  const deployment = stack.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
  if (deployment) {
    ack(
      deployment,
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: 'CDK’s BucketDeployment provider only writes its own logs with the basic execution role.',
      },
      ...['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'].map((a) => ({
        id: `AwsSolutions-IAM5[Action::${a}]`,
        reason: 'CDK’s BucketDeployment copies the site from the asset bucket into the site bucket and prunes old files.',
      })),
      { id: 'AwsSolutions-IAM5[Resource::*]', reason: 'CDK’s BucketDeployment creates CloudFront invalidations, which have no resource-level permissions.' },
      {
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${stack.region}/*]`,
        reason: 'Reads the site asset from the CDK bootstrap bucket.',
      },
      { id: `AwsSolutions-IAM5[Resource::<${siteBucketRef(stack)}.Arn>/*]`, reason: 'Writes the site files into the site bucket.' },
      { id: 'AwsSolutions-L1', reason: 'The BucketDeployment provider runtime is chosen by aws-cdk-lib, not by us.' },
    );
  }
  const cdn = stack.node.findChild('Site').node.findChild('Cdn');
  ack(
    cdn,
    { id: 'AwsSolutions-CFR1', reason: 'Staff, partners and surveyed companies are regional, but travelling staff must reach the site; no geo block.' },
    {
      id: 'AwsSolutions-CFR2',
      reason: 'Public API routes are throttled per route in API Gateway; WAF is an optional add-on documented in docs/operations.md.',
    },
    { id: 'AwsSolutions-CFR4', reason: 'The default CloudFront certificate cannot pin TLS 1.2; a custom domain with its own certificate sets TLSv1.2_2021.' },
  );
  ack(stack.node.findChild('Api').node.findChild('SealingSecret'), {
    id: 'AwsSolutions-SMG4',
    reason: 'Rotating the sealing secret voids open list cursors (users reload the list) and changes every pseudonym; rotate by hand (docs/operations.md).',
  });
  const reports = stack.node.findChild('Reports');
  ack(reports.node.findChild('UnsubscribeSecret'), {
    id: 'AwsSolutions-SMG4',
    reason:
      'The secret only signs unsubscribe links; rotating it would void the links in digests already sent. Rotate by hand (docs/operations.md) if it leaks.',
  });
  const reportObjects = `<${stack.getLogicalId(reports.node.findChild('Files').node.defaultChild as never)}.Arn>/reports/*`;
  ack(stack, {
    id: `AwsSolutions-IAM5[Resource::${reportObjects}]`,
    reason: 'The report functions read and write the report files (reports/<month>/…), one prefix of their own bucket.',
  });
  const media = `<${stack.getLogicalId(stack.node.findChild('Site').node.findChild('Media').node.defaultChild as never)}.Arn>/medien/newsletter/*`;
  ack(stack, {
    id: `AwsSolutions-IAM5[Resource::${media}]`,
    reason: 'The newsletters function writes and deletes the pictures of issues (medien/newsletter/<issue>/<picture>), one prefix of the media bucket.',
  });
  const jobs = stack.node.findChild('Jobs');
  ack(jobs.node.findChild('DeadLetters'), {
    id: 'AwsSolutions-SQS3',
    reason: 'This queue is itself the dead-letter queue of the schedules and the failure destination of the scheduled functions.',
  });
  ack(jobs.node.findChild('WorkerDeadLetters'), {
    id: 'AwsSolutions-SQS3',
    reason: 'This queue is itself the on-failure destination of the job worker on the table stream.',
  });
  for (const fn of jobs.node.children.filter((c) => c.node.id.startsWith('Fn-'))) {
    const ref = stack.getLogicalId(fn.node.defaultChild as never);
    ack(stack, {
      id: `AwsSolutions-IAM5[Resource::<${ref}.Arn>:*]`,
      reason: 'The scheduler role may invoke any version of its own job function (the grant LambdaInvoke makes).',
    });
  }
  for (const route of stack.node.findChild('Api').node.findChild('Http').node.children) {
    if (route.node.id.startsWith('GET--api--openapi.json'))
      ack(route, { id: 'AwsSolutions-APIG4', reason: 'The OpenAPI document is public by design; it holds no data.' });
    if (route.node.id.includes('--api--unsubscribe')) {
      ack(route, {
        id: 'AwsSolutions-APIG4',
        reason:
          'Digest recipients unsubscribe without an account (RFC 8058 one-click): the handler checks the HMAC-SHA256 signature of the link; a GET only shows a confirmation page; throttled to 10 rps.',
      });
    }
    if (route.node.id.startsWith('GET--api--catalogue')) {
      ack(route, {
        id: 'AwsSolutions-APIG4',
        reason:
          'The offer catalogue is public by design for the programme website: read-only current offers without any personal data (no contact person); throttled to 20 rps.',
      });
    }
    if (route.node.id.includes('--api--public--')) {
      ack(route, {
        id: 'AwsSolutions-APIG4',
        reason:
          'Event registration is public by design: anyone registers for a public event (a partners-only event needs the key of its link); cancelling needs the 128-bit token of the personal link (stored hashed); throttled to 10 rps, bodies limited to 8 KB.',
      });
    }
    if (route.node.id.includes('--api--survey')) {
      ack(route, {
        id: 'AwsSolutions-APIG4',
        reason:
          'Companies answer without an account: the handler checks the 128-bit invitation token (stored hashed); the route is throttled to 20 rps and bodies are limited to 32 KB.',
      });
    }
  }
}

function siteBucketRef(stack: Stack): string {
  const bucket = stack.node.findChild('Site').node.findChild('Files').node.defaultChild as IConstruct;
  return stack.getLogicalId(bucket as never);
}
