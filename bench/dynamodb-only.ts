// The reference bundle for P3: nothing but the DynamoDB clients that every handler creates.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-central-1' }));
