// The one table: key schema and global secondary indexes, read by the CDK construct and the local table creator alike.

export const GSI_NAMES = ['gsi1', 'gsi2', 'gsi3', 'gsi4', 'gsi5', 'gsi6', 'gsi7'] as const;

/**
 * gsi7 carries only the open needs and only what the match score reads: a narrow projection keeps each entry
 * small, so ranking a case against 2,000 open needs of one occupation group is one 1 MB Query page.
 */
export const MATCHING_INDEX = 'gsi7' as const;
export const MATCHING_PROJECTION = [
  'id',
  'companyId',
  'companyName',
  'district',
  'occupation',
  'occupationTitle',
  'headcount',
  'placed',
  'timeframe',
  'conditions',
  'statedOn',
] as const;
export type IndexName = (typeof GSI_NAMES)[number];

export const TABLE = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Overloaded indexes: each entity documents in keys.ts which access pattern it puts on which index. */
  indexes: GSI_NAMES.map((name) => ({
    name,
    partitionKey: `${name}pk`,
    sortKey: `${name}sk`,
    /** Non-key attributes the index holds; absent: all of them. */
    projection: name === MATCHING_INDEX ? MATCHING_PROJECTION : undefined,
  })),
  /** DynamoDB removes expired items by this attribute (epoch seconds), e.g. rate-limit buckets. */
  ttlAttribute: 'expiresAt',
  /**
   * The table's stream: background work is written as job items in the transaction of the change that starts it,
   * and the stream hands each new or re-queued item to the worker (shared/jobs, docs/operations.md).
   */
  stream: 'NEW_AND_OLD_IMAGES',
} as const;

/** The CreateTable input in the SDK's shape, for DynamoDB Local. The CDK construct maps the same constant. */
export function createTableInput(tableName: string) {
  const attributes = [TABLE.partitionKey, TABLE.sortKey, ...TABLE.indexes.flatMap((i) => [i.partitionKey, i.sortKey])];
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    StreamSpecification: { StreamEnabled: true, StreamViewType: TABLE.stream },
    AttributeDefinitions: attributes.map((name) => ({ AttributeName: name, AttributeType: 'S' as const })),
    KeySchema: [
      { AttributeName: TABLE.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: TABLE.sortKey, KeyType: 'RANGE' as const },
    ],
    GlobalSecondaryIndexes: TABLE.indexes.map((i) => ({
      IndexName: i.name,
      KeySchema: [
        { AttributeName: i.partitionKey, KeyType: 'HASH' as const },
        { AttributeName: i.sortKey, KeyType: 'RANGE' as const },
      ],
      Projection: i.projection ? { ProjectionType: 'INCLUDE' as const, NonKeyAttributes: [...i.projection] } : { ProjectionType: 'ALL' as const },
    })),
  };
}
