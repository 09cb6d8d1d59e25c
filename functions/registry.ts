// Every API resource in one list: CDK makes one Lambda per entry, the local gateway routes to the same modules.
import type { Contract } from './http/route.ts';
import { casesContract } from './cases/contract.ts';
import { campaignsContract } from './campaigns/contract.ts';
import { companiesContract } from './companies/contract.ts';
import { matchingContract } from './matching/contract.ts';
import { meetingsContract } from './meetings/contract.ts';
import { needsContract } from './needs/contract.ts';
import { membersContract } from './members/contract.ts';
import { occupationsContract } from './occupations/contract.ts';
import { settingsContract } from './settings/contract.ts';
import { surveyContract } from './survey/contract.ts';
import { openapiContract } from './openapi/contract.ts';
import { reportsContract } from './reports/contract.ts';
import { unsubscribeContract } from './unsubscribe/contract.ts';
import { usersContract } from './users/contract.ts';
import { jobsContract } from './jobs/contract.ts';
import { offersContract } from './offers/contract.ts';
import { catalogueContract } from './catalogue/contract.ts';
import { measuresContract } from './measures/contract.ts';
import { evaluationsContract } from './evaluations/contract.ts';
import { relationsContract } from './relations/contract.ts';
import { eventsContract } from './events/contract.ts';
import { registrationContract } from './registration/contract.ts';
import { newslettersContract } from './newsletters/contract.ts';
import { subscriptionsContract } from './subscriptions/contract.ts';

export type Resource = {
  contract: Contract;
  /** The handler module, relative to the repository root; it exports `handler`. */
  entry: string;
  /** Requests per second allowed per route in AWS (API Gateway route throttling). */
  throttle: { rate: number; burst: number };
};

const resource = <C extends Contract>(contract: C, throttle = { rate: 50, burst: 100 }) => ({
  contract,
  entry: `functions/${contract.name}/handler.ts`,
  throttle,
});

export const RESOURCES = [
  resource(membersContract),
  resource(meetingsContract),
  resource(usersContract),
  resource(casesContract),
  resource(companiesContract),
  /** Company relations: activities, follow-ups, the timeline and learning-venue agreements. */
  resource(relationsContract),
  /** Events with registration, waiting list and attendance. */
  resource(eventsContract),
  resource(campaignsContract),
  resource(needsContract),
  resource(matchingContract),
  /** Public: tight throttling, as the local gateway's token bucket does. */
  resource(surveyContract, { rate: 20, burst: 40 }),
  resource(reportsContract),
  /** Public: the signed link in the digest. */
  resource(unsubscribeContract, { rate: 10, burst: 20 }),
  resource(occupationsContract),
  resource(offersContract),
  resource(measuresContract),
  /** A group measure's evaluation sheet: PDF and XLSX rendering apart from the measures function. */
  resource(evaluationsContract, { rate: 10, burst: 20 }),
  /** Public: the offer catalogue on the programme's website. */
  resource(catalogueContract, { rate: 20, burst: 40 }),
  /** Public: event pages, registering and the personal cancel link. */
  resource(registrationContract, { rate: 10, burst: 20 }),
  /** Newsletters: issues, pictures, sending as a job, and the public subscribers. */
  resource(newslettersContract),
  /** Public: newsletter sign-up with double opt-in, and the archive of sent issues. */
  resource(subscriptionsContract, { rate: 10, burst: 20 }),
  resource(settingsContract),
  resource(jobsContract),
  resource(openapiContract, { rate: 5, burst: 10 }),
] satisfies Resource[];

/** Every contract of the API with its literal operations (tests type their route keys by it). */
export type AnyContract = (typeof RESOURCES)[number]['contract'];
