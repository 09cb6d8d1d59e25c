// Outgoing e-mail: an SES identity for the sender domain (a deploy parameter) and the grant to send from it.
import { Stack } from 'aws-cdk-lib';
import { EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import { PolicyStatement, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

export class Email extends Construct {
  readonly identity: EmailIdentity;
  readonly from: string;

  constructor(scope: Construct, id: string, props: { senderDomain: string }) {
    super(scope, id);
    this.identity = new EmailIdentity(this, 'Sender', { identity: Identity.domain(props.senderDomain) });
    this.from = `amoN Nachqualifizierung <noreply@${props.senderDomain}>`;
  }

  grantSend(grantee: IGrantable): void {
    const stack = Stack.of(this);
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [stack.formatArn({ service: 'ses', resource: 'identity', resourceName: this.identity.emailIdentityName })],
      }),
    );
  }
}
