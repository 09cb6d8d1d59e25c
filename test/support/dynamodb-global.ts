// Starts one in-memory DynamoDB Local for the integration project; each test file creates its own table in it.
import type { TestProject } from 'vitest/node';
import { freePort, startDynamoLocal, type DynamoLocal } from '#local/dynamodb.ts';

let dynamo: DynamoLocal | undefined;

export async function setup(project: TestProject) {
  dynamo = await startDynamoLocal({ port: await freePort() });
  project.provide('dynamoEndpoint', dynamo.endpoint);
}

export async function teardown() {
  await dynamo?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}
