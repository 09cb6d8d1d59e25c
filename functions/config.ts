// Configuration of the Lambda handlers, read once from the environment and checked; a missing value fails fast.
import * as z from 'zod';
import { usePseudonymSecret } from '#shared/matching/pseudonym.ts';

const Env = z.object({
  TABLE_NAME: z.string().min(3),
  AWS_REGION: z.string().default('eu-central-1'),
  /** Set locally and in tests (DynamoDB Local); unset in AWS. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  /**
   * How long one DynamoDB attempt may take (two attempts). DynamoDB answers in milliseconds, so 2.5 s turns a
   * database that does not answer into a 503 within about five seconds. DynamoDB Local on two cores can take seconds
   * under hundreds of concurrent transactions, so the local stack and the tests allow it more.
   */
  DYNAMODB_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(2_500),
  /** How long opening a connection to DynamoDB may take (AWS: 1 s; DynamoDB Local under load takes longer). */
  DYNAMODB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(1_000),
  /** Origins the browser may call the API from, comma-separated. */
  CORS_ORIGINS: z.string().default(''),
  /** Which identity provider the user admin talks to. */
  IDENTITY_PROVIDER: z.enum(['local', 'cognito']).default('local'),
  USER_POOL_ID: z.string().optional(),
  /** Which transport sends e-mail. */
  MAIL_TRANSPORT: z.enum(['outbox', 'ses']).default('outbox'),
  OUTBOX_DIR: z.string().default('.data/outbox'),
  MAIL_FROM: z.string().default('amoN Nachqualifizierung <noreply@amon.local>'),
  /**
   * The organizer of meetings and events ("Name <address>"): a mailbox the coordination reads, since accepts, declines
   * and replies to invitations go there.
   */
  MEETING_ORGANIZER: z.string().default('amoN Koordination <koordination@amon.local>'),
  /** The public URL of the admin site, used in links inside e-mails. */
  SITE_URL: z.url().default('http://127.0.0.1:3000'),
  /** Where report files go: an S3 bucket in AWS, a folder locally. */
  REPORTS_BUCKET: z.string().optional(),
  REPORTS_DIR: z.string().default('.data/reports'),
  /** Where pictures of newsletter issues go: an S3 bucket served under /medien/ in AWS, a folder locally. */
  MEDIA_BUCKET: z.string().optional(),
  MEDIA_DIR: z.string().default('.data/media'),
  /** Signs one-click unsubscribe links (at least 32 characters); in AWS a Secrets Manager secret resolved at deploy. */
  UNSUBSCRIBE_SECRET: z.string().min(32).optional(),
  /** Seals list cursors and keys the pseudonyms coordinators see (at least 32 characters); a Secrets Manager secret in AWS. */
  SEALING_SECRET: z.string().min(32).optional(),
  /** Mailbox for mailto: unsubscribe requests. */
  UNSUBSCRIBE_MAILBOX: z.string().default('abmelden@amon.local'),
  /** Digest e-mails per second (the SES sending rate); 0 sends without pause. */
  MAIL_RATE_PER_SECOND: z.coerce.number().min(0).max(1000).default(0),
});
export type Config = z.infer<typeof Env>;

let cached: Config | undefined;

export function config(): Config {
  if (cached) return cached;
  const parsed = Env.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  cached = parsed.data;
  if (cached.SEALING_SECRET) usePseudonymSecret(cached.SEALING_SECRET);
  return cached;
}
