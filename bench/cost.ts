// P10: the monthly AWS bill at the programme's size and at ten times that, computed from this bench's own figures
// (DynamoDB calls per request, cold import times, warm handler overhead) times a stated usage profile, at the
// eu-central-1 list prices (no free tier). The breakdown is printed and written to bench/cost.json.
import type { Figure } from './figure.ts';

/** eu-central-1 list prices in USD (AWS price pages, as of 2026-12; no free tier counted). */
export const PRICES = {
  lambdaGbSecondArm: 0.0000133334,
  lambdaRequest: 0.2 / 1e6,
  httpApiRequest: 1.2 / 1e6,
  dynamoWriteUnit: 0.7625 / 1e6,
  dynamoReadUnit: 0.1525 / 1e6,
  dynamoStorageGbMonth: 0.306,
  dynamoPitrGbMonth: 0.2448,
  sesMail: 0.1 / 1000,
  sesAttachmentGb: 0.12,
  cloudFrontGb: 0.085,
  cloudFrontRequest: 0.012 / 10_000,
  s3GbMonth: 0.0245,
  s3Put: 0.0054 / 1000,
  s3Get: 0.00043 / 1000,
  logsIngestGb: 0.63,
  logsStoreGbMonth: 0.0324,
  alarm: 0.1,
  dashboard: 3,
  xrayTrace: 5 / 1e6,
  kmsKey: 1,
  kmsRequest: 0.03 / 10_000,
  secret: 0.4,
  /** The Plus plan (threat protection, infra/constructs/auth.ts): per monthly active user, no free allowance. */
  cognitoPlusMau: 0.02,
} as const;

/** What the deployed stack holds that is paid by the month (counted in the synthesized template, test/infra). */
export const STACK = { alarms: 39, dashboards: 1, kmsKeys: 1, secrets: 2, functions: 31 } as const;

/** The programme's month: who does what how often. `scale` multiplies everything that grows with the network. */
export function usage(scale: number) {
  const staff = 6 * scale;
  const workingDays = 21;
  const companies = 240 * scale;
  const members = 40 * scale;
  const cases = 320 * scale;
  return {
    staff,
    cases,
    companies,
    members,
    /** Admin API requests: a staff member's working day opens ~120 screens of ~3 API requests each. */
    staffRequests: staff * workingDays * 120 * 3,
    /** Of those, writes (saves, moves, sessions, minutes); the rest are reads, a third of them of cases (audited). */
    writeShare: 0.15,
    caseReadShare: 0.33,
    /** Public requests: two survey waves a year (form, autosaves, submit: 6 requests per answering company, half answer), event registrations, unsubscribes. */
    publicRequests: (companies * 2 * 0.5 * 6) / 12 + 60 * scale * 3,
    /** Mails: survey invitations and reminders, the monthly digest to each member's two contacts, newsletters, meeting and event mails. */
    mails: (companies * 2 * 2) / 12 + members * 2 * 2 + members * 1.5 + 80 * scale,
    /** Admin page loads from a cold browser cache (a new deploy or a new day): the initial JS and its chunks. */
    coldPageLoads: staff * workingDays * 2,
    /** Scheduled runs: four daily or monthly jobs, and the job-retries check every minute. */
    scheduledRuns: 30 * 2 + 2 + 30 * 24 * 60,
    /** Stored items: a case with its sessions, modules and history ~40 items of ~1.5 KB, a company ~15, a member ~10; the audit log ~0.4 KB an entry, an entry for 40 % of the staff's requests, two years of them (the entries stay as long as their records). */
    storageGb: (cases * 40 * 1.5 + companies * 15 * 1 + members * 10 * 1) / 1e6 + (staff * workingDays * 120 * 3 * 12 * 2 * 0.4) / 1e6,
  };
}

type Line = { item: string; usd: number; basis: string };

/** The month's bill, line by line, from the measured figures and a usage profile. */
export function monthlyBill(figures: Figure[], scale: number): Line[] {
  const f = (id: string, fallback: number) => figures.find((x) => x.id === id)?.value ?? fallback;
  const u = usage(scale);
  const requests = u.staffRequests + u.publicRequests;
  const writes = u.staffRequests * u.writeShare + u.publicRequests * 0.3;
  const reads = requests - writes;
  // DynamoDB calls per request, as measured (P1): a read 1 call (+1 audit Put for a case), a write ≤ 2 calls.
  const callsRead = f('P1.calls_get', 1);
  const auditPuts = u.staffRequests * (1 - u.writeShare) * u.caseReadShare;
  const callsWrite = f('P1.calls_update', 2);
  // Capacity units: a read of ≤ 4 KB eventually consistent 0.5 RRU, a case partition Query ~4 KB 1 RRU; a write of
  // ≤ 1 KB 1 WRU for the item and 1 per index it sits in (2 on average), the audit entry 2 WRU (item + its index).
  const rru = reads * callsRead * 1 + writes * 1;
  const wru = writes * (callsWrite - 1) * 3 + writes * 3 + auditPuts * 2 + u.mails * 4;
  // Lambda: warm duration = DynamoDB round trips in the region (~6 ms each, sequential) + the handler's own CPU (P2's
  // handler − raw, ×3 for 512 MB, about a third of a core); a cold start adds the bundle's import (P3, ×3) and the
  // first connection (~120 ms). A quiet office day keeps few instances warm: a quarter of requests start cold.
  const overheadMs = 0.6 * 3;
  const warmMs = 6 * 1.4 + overheadMs;
  const importMs = f('P3.import_dynamodb_only', 80) * f('P3.import_ratio_cases', 1.8) * 3 + 120;
  const coldShare = Math.max(0.05, 0.25 / scale);
  const apiGbSeconds = (requests * (warmMs + coldShare * importMs) * 0.5) / 1000;
  const jobGbSeconds = (u.scheduledRuns * (30 + 0.1 * importMs) * 1 + u.mails * 250 * 0.5 + 12 * 20_000 * 1) / 1000;
  const invocations = requests + u.scheduledRuns + u.mails / 20 + u.mails;
  const logGb = (requests * 1.2 + invocations * 0.35) / 1e6; // one JSON request line ~1.2 KB, Lambda's START/END/REPORT ~0.35 KB
  const adminJsGb = (f('P6.admin_initial_js', 340) * 3.5 * u.coldPageLoads) / 1e6; // initial JS gzip and the screens' chunks
  const lines: Line[] = [
    { item: 'Lambda compute', usd: (apiGbSeconds + jobGbSeconds) * PRICES.lambdaGbSecondArm, basis: `${Math.round(apiGbSeconds + jobGbSeconds)} GB-s (arm64)` },
    { item: 'Lambda requests', usd: invocations * PRICES.lambdaRequest, basis: `${Math.round(invocations)} invocations` },
    { item: 'API Gateway (HTTP API)', usd: requests * PRICES.httpApiRequest, basis: `${Math.round(requests)} requests` },
    {
      item: 'DynamoDB on demand',
      usd: rru * PRICES.dynamoReadUnit + wru * PRICES.dynamoWriteUnit,
      basis: `${Math.round(rru)} RRU, ${Math.round(wru)} WRU`,
    },
    {
      item: 'DynamoDB storage and point-in-time recovery',
      usd: u.storageGb * (PRICES.dynamoStorageGbMonth + PRICES.dynamoPitrGbMonth),
      basis: `${u.storageGb.toFixed(2)} GB`,
    },
    { item: 'Cognito (Plus plan)', usd: u.staff * PRICES.cognitoPlusMau, basis: `${u.staff} monthly active staff` },
    { item: 'SES', usd: u.mails * PRICES.sesMail + ((u.mails * 0.15 * 0.3) / 1e3) * PRICES.sesAttachmentGb, basis: `${Math.round(u.mails)} mails` },
    {
      item: 'CloudFront',
      usd: adminJsGb * PRICES.cloudFrontGb + u.coldPageLoads * 40 * PRICES.cloudFrontRequest,
      basis: `${(adminJsGb * 1000).toFixed(0)} MB of admin code to cold caches`,
    },
    { item: 'S3 (site, reports, media)', usd: 0.2 * PRICES.s3GbMonth + 500 * PRICES.s3Put + 5000 * PRICES.s3Get, basis: '0.2 GB, reports and pictures' },
    {
      item: 'CloudWatch alarms and dashboard',
      usd: STACK.alarms * PRICES.alarm + STACK.dashboards * PRICES.dashboard,
      basis: `${STACK.alarms} alarms, ${STACK.dashboards} dashboard`,
    },
    {
      item: 'CloudWatch Logs',
      usd: logGb * PRICES.logsIngestGb + logGb * 3 * PRICES.logsStoreGbMonth,
      basis: `${(logGb * 1000).toFixed(0)} MB a month, kept 3 months`,
    },
    { item: 'X-Ray traces', usd: invocations * PRICES.xrayTrace, basis: `${Math.round(invocations)} traces` },
    {
      item: 'KMS key and Secrets Manager',
      usd: STACK.kmsKeys * PRICES.kmsKey + STACK.secrets * PRICES.secret + 10_000 * PRICES.kmsRequest,
      basis: '1 key, 2 secrets',
    },
  ];
  return lines.map((l) => ({ ...l, usd: Math.round(l.usd * 100) / 100 })).sort((a, b) => b.usd - a.usd);
}

/** P10's figures: the month at the programme's size and at ten times that, and the largest line of each. */
export function costFigures(figures: Figure[]): { figures: Figure[]; bills: Record<string, Line[]> } {
  const bills = { programme: monthlyBill(figures, 1), statewide: monthlyBill(figures, 10) };
  const total = (lines: Line[]) => Math.round(lines.reduce((n, l) => n + l.usd, 0) * 100) / 100;
  return {
    bills,
    figures: [
      {
        id: 'P10.month_programme',
        name: `AWS a month, programme (320 cases, 240 companies, 40 members, 6 staff); largest: ${bills.programme[0]!.item}`,
        value: total(bills.programme),
        unit: 'USD',
      },
      {
        id: 'P10.month_statewide',
        name: `AWS a month, ten times that (statewide network); largest: ${bills.statewide[0]!.item}`,
        value: total(bills.statewide),
        unit: 'USD',
      },
    ],
  };
}
