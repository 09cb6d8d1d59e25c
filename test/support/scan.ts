// Reads the whole table, as an auditor would: only tests use Scan, to prove that nothing of a person is left.
import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Item } from '#shared/table/access.ts';

export async function scanTable(db: { doc: DynamoDBDocumentClient; tableName: string }): Promise<Item[]> {
  const all: Item[] = [];
  let start: Item | undefined;
  do {
    const page = await db.doc.send(new ScanCommand({ TableName: db.tableName, ExclusiveStartKey: start }));
    all.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return all;
}
