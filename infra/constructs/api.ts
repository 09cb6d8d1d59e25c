// The HTTP API: one Lambda per resource of the registry, a JWT authorizer on the user pool, throttling and access logs.
import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import { CfnStage, HttpApi, HttpMethod, HttpNoneAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { tableAccessOf } from '#functions/access.ts';
import { FONT_PATHS, FONT_USERS } from '#shared/pdf/fonts.ts';
import { RESOURCES, type Resource } from '#functions/registry.ts';
import { AmonFunction } from './amon-function.ts';

export type RouteProps = { table: TableV2; userPool: UserPool; client: UserPoolClient; siteUrl: string; mailFrom: string };

export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly functions: Record<string, AmonFunction> = {};
  /** Seals list cursors and keys the pseudonyms coordinators see. */
  readonly sealingSecret: Secret;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.httpApi = new HttpApi(this, 'Http', { description: 'amoN API', createDefaultStage: true });
    this.sealingSecret = new Secret(this, 'SealingSecret', {
      description: 'Seals the API list cursors (AES-256-GCM) and keys the candidate pseudonyms (HMAC-SHA-256)',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
  }

  /** Adds every resource of the registry once the user pool and the site exist. */
  addResources(props: RouteProps) {
    const authorizer = new HttpJwtAuthorizer('Staff', `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${props.userPool.userPoolId}`, {
      jwtAudience: [props.client.userPoolClientId],
    });

    for (const resource of RESOURCES) this.addResource(resource, authorizer, props);
    this.configureStage();
  }

  private addResource(resource: Resource, authorizer: HttpJwtAuthorizer, props: RouteProps) {
    const name = resource.contract.name;
    const fn = new AmonFunction(this, `Fn-${name}`, {
      entry: resource.entry,
      environment: {
        IDENTITY_PROVIDER: 'cognito',
        USER_POOL_ID: props.userPool.userPoolId,
        MAIL_TRANSPORT: 'ses',
        MAIL_FROM: props.mailFrom,
        SITE_URL: props.siteUrl,
        CORS_ORIGINS: props.siteUrl,
        TABLE_NAME: props.table.tableName,
        // Resolved by CloudFormation at deploy time (a dynamic reference), so the value is in no template or log.
        SEALING_SECRET: this.sealingSecret.secretValue.unsafeUnwrap(),
      },
      // The functions that render PDFs embed a Unicode font, so names print as they are written.
      ...(FONT_USERS.includes(name) ? { filesBesideBundle: FONT_PATHS } : {}),
    });
    const access = tableAccessOf(name);
    if (access.read.length || access.write.length) fn.bindTable(props.table, access);
    if (name === 'users') {
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: [
            'cognito-idp:ListUsers',
            'cognito-idp:AdminGetUser',
            'cognito-idp:AdminCreateUser',
            'cognito-idp:AdminUpdateUserAttributes',
            'cognito-idp:AdminListGroupsForUser',
            'cognito-idp:AdminAddUserToGroup',
            'cognito-idp:AdminRemoveUserFromGroup',
            'cognito-idp:AdminEnableUser',
            'cognito-idp:AdminDisableUser',
            'cognito-idp:AdminUserGlobalSignOut',
          ],
          resources: [props.userPool.userPoolArn],
        }),
      );
    }
    this.functions[name] = fn;
    // One invoke permission per function for this API (not one per route): the API routes only this function's own
    // routes to it, and 136 per-route permissions would take the stack past CloudFormation's 500 resources.
    const integration = new HttpLambdaIntegration(`Int-${name}`, fn, { scopePermissionToRoute: false });
    for (const op of Object.values(resource.contract.operations)) {
      const [method, path] = op.route.split(' ') as [HttpMethod, string];
      this.httpApi.addRoutes({
        path,
        methods: [method],
        integration,
        authorizer: op.roles === 'public' ? new HttpNoneAuthorizer() : authorizer,
      });
    }
  }

  /** Throttling per route (from the registry) and JSON access logs without query strings or bodies. */
  private configureStage() {
    const logs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.THREE_MONTHS, removalPolicy: RemovalPolicy.RETAIN });
    const stage = this.httpApi.defaultStage!.node.defaultChild as CfnStage;
    stage.defaultRouteSettings = { throttlingRateLimit: 50, throttlingBurstLimit: 100, detailedMetricsEnabled: true };
    stage.routeSettings = Object.fromEntries(
      RESOURCES.flatMap((r: Resource) =>
        Object.values(r.contract.operations).map((op) => [op.route, { throttlingRateLimit: r.throttle.rate, throttlingBurstLimit: r.throttle.burst }]),
      ),
    );
    stage.accessLogSettings = {
      destinationArn: logs.logGroupArn,
      format: JSON.stringify({
        requestId: '$context.requestId',
        routeKey: '$context.routeKey',
        status: '$context.status',
        latencyMs: '$context.responseLatency',
        integrationStatus: '$context.integrationStatus',
        authorizerError: '$context.authorizer.error',
        ip: '$context.identity.sourceIp',
        time: '$context.requestTime',
      }),
    };
  }
}
