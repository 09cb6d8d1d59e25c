// Configuration of the Lambda handlers, read once from the environment and checked; a missing value fails fast.
import * as z from 'zod/mini';
import { usePseudonymSecret } from '#shared/matching/pseudonym.ts';

const Env = z.object({
  TABLE_NAME: z.string().check(z.minLength(3)),
  AWS_REGION: z._default(z.string(), 'eu-central-1'),
  /** Set locally and in tests (DynamoDB Local); unset in AWS. */
  DYNAMODB_ENDPOINT: z.optional(z.url()),
  /**
   * How long one DynamoDB attempt may take (two attempts). DynamoDB answers in milliseconds, so 2.5 s turns a
   * database that does not answer into a 503 within about five seconds. DynamoDB Local on two cores can take seconds
   * under hundreds of concurrent transactions, so the local stack and the tests allow it more.
   */
  DYNAMODB_REQUEST_TIMEOUT_MS: z._default(z.coerce.number().check(z.int()).check(z.gte(100)).check(z.lte(30_000)), 2_500),
  /** How long opening a connection to DynamoDB may take (AWS: 1 s; DynamoDB Local under load takes longer). */
  DYNAMODB_CONNECT_TIMEOUT_MS: z._default(z.coerce.number().check(z.int()).check(z.gte(100)).check(z.lte(30_000)), 1_000),
  /** Origins the browser may call the API from, comma-separated. */
  CORS_ORIGINS: z._default(z.string(), ''),
  /** Which identity provider the user admin talks to. */
  IDENTITY_PROVIDER: z._default(z.enum(['local', 'cognito']), 'local'),
  USER_POOL_ID: z.optional(z.string()),
  /** Which transport sends e-mail. */
  MAIL_TRANSPORT: z._default(z.enum(['outbox', 'ses']), 'outbox'),
  OUTBOX_DIR: z._default(z.string(), '.data/outbox'),
  MAIL_FROM: z._default(z.string(), 'amoN Nachqualifizierung <noreply@amon.local>'),
  /**
   * The organizer of meetings and events ("Name <address>"): a mailbox the coordination reads, since accepts, declines
   * and replies to invitations go there.
   */
  MEETING_ORGANIZER: z._default(z.string(), 'amoN Koordination <koordination@amon.local>'),
  /** The public URL of the admin site, used in links inside e-mails. */
  SITE_URL: z._default(z.url(), 'http://127.0.0.1:3000'),
  /** Where report files go: an S3 bucket in AWS, a folder locally. */
  REPORTS_BUCKET: z.optional(z.string()),
  REPORTS_DIR: z._default(z.string(), '.data/reports'),
  /** Where pictures of newsletter issues go: an S3 bucket served under /medien/ in AWS, a folder locally. */
  MEDIA_BUCKET: z.optional(z.string()),
  MEDIA_DIR: z._default(z.string(), '.data/media'),
  /** Signs one-click unsubscribe links (at least 32 characters); in AWS a Secrets Manager secret resolved at deploy. */
  UNSUBSCRIBE_SECRET: z.optional(z.string().check(z.minLength(32))),
  /** Seals list cursors and keys the pseudonyms coordinators see (at least 32 characters); a Secrets Manager secret in AWS. */
  SEALING_SECRET: z.optional(z.string().check(z.minLength(32))),
  /** Mailbox for mailto: unsubscribe requests. */
  UNSUBSCRIBE_MAILBOX: z._default(z.string(), 'abmelden@amon.local'),
  /** Digest e-mails per second (the SES sending rate); 0 sends without pause. */
  MAIL_RATE_PER_SECOND: z._default(z.coerce.number().check(z.gte(0)).check(z.lte(1000)), 0),
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
