// Monthly report files (PDF, HTML) in a private bucket, and the secret that signs the digest's unsubscribe links.
import { RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

export class Reports extends Construct {
  readonly bucket: Bucket;
  readonly unsubscribeSecret: Secret;

  constructor(scope: Construct, id: string, props: { accessLogs: IBucket }) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Files', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'reports-bucket/',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.unsubscribeSecret = new Secret(this, 'UnsubscribeSecret', {
      description: 'Signs the one-click unsubscribe links of the monthly digest',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
  }

  /** Lets a function read and write report files and sign or check unsubscribe links. */
  grant(fn: LambdaFunction, access: 'readWrite' | 'read' | 'secretOnly') {
    // Exactly the object calls the report store makes, on the report files only.
    if (access !== 'secretOnly') {
      const actions = access === 'readWrite' ? ['s3:GetObject', 's3:PutObject'] : ['s3:GetObject'];
      fn.addToRolePolicy(new PolicyStatement({ actions, resources: [this.bucket.arnForObjects('reports/*')] }));
    }
    fn.addEnvironment('REPORTS_BUCKET', this.bucket.bucketName);
    // Resolved by CloudFormation at deploy time (a dynamic reference), so the value is in no template or log.
    fn.addEnvironment('UNSUBSCRIBE_SECRET', this.unsubscribeSecret.secretValue.unsafeUnwrap());
  }
}
