// Report items on the table: the delivery records of the digest (claim, mark) and the report's delivery summary.
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { cancellationReasons, type Db } from '../table/access.ts';
import { keys } from '../table/keys.ts';
import type { DeliverySummary, Recipient } from './model.ts';

export const recipientKey = (memberId: string, email: string) => `${memberId}#${email.toLowerCase()}`;

/** Claims the delivery to one recipient; undefined when it was sent or is being sent already. */
export async function claimDelivery(db: Db, month: string, r: Recipient, now: Date): Promise<{ attempts: number } | undefined> {
  const key = keys.delivery(month, recipientKey(r.memberId, r.email));
  try {
    const out = await db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: key,
        UpdateExpression: 'SET #status = :claimed, claimedAt = :now, recipient = :recipient, memberId = :memberId, memberName = :memberName, contactName = :contactName, email = :email ADD attempts :one',
        ConditionExpression: 'attribute_not_exists(pk) OR #status = :failed',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':claimed': 'claimed', ':failed': 'failed', ':now': now.toISOString(), ':recipient': recipientKey(r.memberId, r.email), ':memberId': r.memberId, ':memberName': r.memberName, ':contactName': r.contactName, ':email': r.email, ':one': 1 },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return { attempts: Number(out.Attributes?.attempts ?? 1) };
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException' || cancellationReasons(error)) return undefined;
    throw error;
  }
}


/** Sets fields of a delivery record (and removes the named ones). */
export async function markDelivery(db: Db, key: { pk: string; sk: string }, set: Record<string, unknown>, remove: string[] = []): Promise<void> {
  const names = Object.fromEntries([...Object.keys(set), ...remove].map((k) => [`#${k}`, k]));
  await db.doc.send(
    new UpdateCommand({
      TableName: db.tableName,
      Key: key,
      UpdateExpression: `SET ${Object.keys(set).map((k) => `#${k} = :${k}`).join(', ')}${remove.length ? ` REMOVE ${remove.map((k) => `#${k}`).join(', ')}` : ''}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: Object.fromEntries(Object.entries(set).map(([k, v]) => [`:${k}`, v])),
    }),
  );
}

export async function setReportDeliveries(db: Db, month: string, summary: DeliverySummary): Promise<void> {
  await db.doc.send(new UpdateCommand({ TableName: db.tableName, Key: keys.report(month), UpdateExpression: 'SET deliveries = :d', ConditionExpression: 'attribute_exists(pk)', ExpressionAttributeValues: { ':d': summary } }));
}
