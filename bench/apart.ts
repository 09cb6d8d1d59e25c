// Runs one bench section in a process of its own, on a DynamoDB Local of its own (in memory): the report section
// seeds 74,000 events, which on a database the earlier sections have filled pushes writes past the request timeout;
// the newsletter section counts an audience, which must hold only its own companies and subscribers.
// The figures go to the file named by the second argument, as JSON.
import './quiet.ts';
import { writeFileSync } from 'node:fs';
import { ensureTable, freePort, startDynamoLocal } from '#local/dynamodb.ts';
import { measureNewsletters } from './newsletters.ts';
import { measureReports } from './reports.ts';

const sections = { reports: measureReports, newsletters: measureNewsletters } as const;

async function main(section: string, out: string) {
  const measure = sections[section as keyof typeof sections];
  if (!measure) throw new Error(`unknown bench section ${section}`);
  const dynamo = await startDynamoLocal({ port: await freePort() });
  try {
    Object.assign(process.env, {
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      TABLE_NAME: 'bench',
      DYNAMODB_REQUEST_TIMEOUT_MS: '10000',
      DYNAMODB_CONNECT_TIMEOUT_MS: '5000',
      SEALING_SECRET: 'bench-sealing-secret-for-cursors-and-pseudonyms',
    });
    await ensureTable(dynamo.endpoint, 'bench');
    writeFileSync(out, JSON.stringify(await measure(dynamo.endpoint)));
  } finally {
    await dynamo.stop();
  }
}

main(process.argv[2] ?? '', process.argv[3] ?? '').then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
