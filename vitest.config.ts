// Test projects: unit, integration (DynamoDB Local), infra (CDK assertions and cdk-nag), bundles (the synthesized
// Lambda bundles run against DynamoDB Local), e2e (Chromium).
import { defineConfig } from 'vitest/config';

/**
 * Tests that load the two cores on purpose (200 submits at once, concurrent case writes, a 300-row import against a
 * time bound): they run in a project of their own, one file after another, after the other integration files, so
 * what they measure is the code and not whichever files vitest happens to run beside them.
 */
const CONCURRENCY = [
  'test/integration/surveys-concurrency.test.ts',
  'test/integration/cases-concurrency.test.ts',
  'test/integration/company-import-jobs.test.ts',
];

const common = {
  allowOnly: false,
  passWithNoTests: false,
  env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', POWERTOOLS_LOG_LEVEL: 'SILENT' },
};

export default defineConfig({
  test: {
    ...common,
    projects: [
      { test: { ...common, name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        test: {
          ...common,
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          exclude: CONCURRENCY,
          globalSetup: ['test/support/dynamodb-global.ts'],
          setupFiles: ['test/support/table-per-file.ts'],
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          ...common,
          name: 'concurrency',
          include: CONCURRENCY,
          globalSetup: ['test/support/dynamodb-global.ts'],
          setupFiles: ['test/support/table-per-file.ts'],
          testTimeout: 20_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        // The deployed bundles against DynamoDB Local: a second run after the others, since it synthesizes the app with
        // all its bundles again and would crowd the concurrency tests off two cores.
        test: {
          ...common,
          name: 'bundles',
          include: ['test/bundles/**/*.test.ts'],
          globalSetup: ['test/support/dynamodb-global.ts'],
          setupFiles: ['test/support/table-per-file.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      { test: { ...common, name: 'infra', include: ['test/infra/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 180_000 } },
      {
        test: {
          ...common,
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/support/stack-global.ts'],
          setupFiles: ['test/e2e/support/every-screen.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
