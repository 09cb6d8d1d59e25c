// The house Lambda construct: our function defaults, the bundle built by esbuild with code splitting
// (infra/bundling.ts), and one call to bind the table with least privilege.
import { copyFileSync } from 'node:fs';
import { basename } from 'node:path';
import { AssetHashType, DockerImage, Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Architecture, Code, Function as LambdaFunction, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { resolve } from 'node:path';
import { bundleFunction } from '../bundling.ts';
import { acknowledgeFunction, acknowledgeTableIndexes } from '../nag.ts';
import { Stack } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { READ_ACTIONS, WRITE_ACTIONS, type TableAccess } from '#functions/table-access.ts';
import type { CfnTable } from 'aws-cdk-lib/aws-dynamodb';

export const ROOT = resolve(import.meta.dirname, '../..');

export type AmonFunctionProps = {
  /** Handler module relative to the repository root. */
  entry: string;
  environment?: Record<string, string>;
  timeout?: Duration;
  memorySize?: number;
  /** Caps how many instances run at once (the job worker: the SES rate). */
  reservedConcurrentExecutions?: number;
  /** Files (relative to the repository root) copied beside the bundle: the fonts of a function that renders PDFs. */
  filesBesideBundle?: readonly string[];
};

export class AmonFunction extends LambdaFunction {
  private readonly ownRole: Role;

  constructor(scope: Construct, id: string, props: AmonFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, { retention: RetentionDays.THREE_MONTHS, removalPolicy: RemovalPolicy.RETAIN });
    // A role of its own instead of AWSLambdaBasicExecutionRole (which may write to every log group of the account):
    // the function writes log events to its own log group only.
    const role = new Role(scope, `${id}Role`, { assumedBy: new ServicePrincipal('lambda.amazonaws.com'), description: `Runs the amoN function ${id}` });
    role.addToPolicy(
      new PolicyStatement({ sid: 'OwnLogGroupOnly', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }),
    );
    super(scope, id, {
      role,
      code: functionCode(props.entry, props.filesBesideBundle ?? []),
      handler: 'index.handler',
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      ...(props.reservedConcurrentExecutions ? { reservedConcurrentExecutions: props.reservedConcurrentExecutions } : {}),
      tracing: Tracing.ACTIVE,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: 'amon',
        POWERTOOLS_LOG_LEVEL: 'INFO',
        ...props.environment,
      },
    });
    // The role is a sibling of the function (it must exist before it), so findings on its policy are acknowledged there.
    this.ownRole = role;
    acknowledgeFunction(role);
  }

  /**
   * Sets TABLE_NAME and grants exactly the declared access (functions/access.ts): the read actions on the table and
   * its indexes, and the write actions on the table, each only for partition keys that match the declared patterns
   * (dynamodb:LeadingKeys). No Scan, no table management.
   */
  bindTable(table: ITableV2, access: TableAccess): this {
    this.addEnvironment('TABLE_NAME', table.tableName);
    const leadingKeys = (patterns: readonly string[]) => ({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...patterns] } });
    if (access.read.length) {
      this.addToRolePolicy(
        new PolicyStatement({
          sid: 'ReadDeclaredPartitions',
          actions: [...READ_ACTIONS],
          resources: [table.tableArn, `${table.tableArn}/index/*`],
          conditions: leadingKeys(access.read),
        }),
      );
      acknowledgeTableIndexes(this.ownRole, Stack.of(this).getLogicalId(table.node.defaultChild as CfnTable));
    }
    if (access.write.length) {
      this.addToRolePolicy(
        new PolicyStatement({
          sid: 'WriteDeclaredPartitions',
          actions: [...WRITE_ACTIONS],
          resources: [table.tableArn],
          conditions: leadingKeys(access.write),
        }),
      );
    }
    return this;
  }
}

/**
 * The function's code: bundled here, without Docker, into the asset folder (`index.mjs`, its chunks and source maps,
 * and the files it reads beside itself). The asset's hash is that of the output, so an unchanged bundle is not uploaded again.
 */
function functionCode(entry: string, filesBesideBundle: readonly string[]): Code {
  return Code.fromAsset(ROOT, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Never pulled: local bundling always succeeds or throws.
      image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:22-slim'),
      // CDK caches a bundling by its serialized options, in which `tryBundle` does not appear: the command names the
      // entry, so that two functions never share a bundle.
      command: ['amon-bundle', entry, ...filesBesideBundle],
      local: {
        tryBundle(outputDir: string) {
          bundleFunction(resolve(ROOT, entry), outputDir, ROOT);
          for (const file of filesBesideBundle) copyFileSync(resolve(ROOT, file), resolve(outputDir, basename(file)));
          return true;
        },
      },
    },
  });
}
