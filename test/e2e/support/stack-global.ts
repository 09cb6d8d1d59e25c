// Starts the whole local product once for all browser test files (a first start seeds the demo data, which
// takes about two and a half minutes on two cores); each file signs in and works on its own records.
import type { TestProject } from 'vitest/node';
import { startStack, type Stack } from './stack.ts';

let stack: Stack | undefined;

export async function setup(project: TestProject) {
  stack = await startStack();
  project.provide('stack', { url: stack.url, dataDir: stack.dataDir, dynamoEndpoint: stack.dynamoEndpoint });
}

export async function teardown() {
  await stack?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: { url: string; dataDir: string; dynamoEndpoint: string };
  }
}
