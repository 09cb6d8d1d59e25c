// Newsletters: issues that coordinators write (title, introduction, sections with a picture and links to events and
// offers), sent once per recipient to lists (network contacts, companies by sector and district, public subscribers
// with double opt-in), and kept in a public archive.
import * as z from 'zod/mini';
import { WZ_CODES } from '../companies/wz.ts';
import { DISTRICTS } from '../regions.ts';
import { SUBSCRIBE_CONSENT } from './consent.ts';
import { httpsUrl, id, isoDateTime, pageQuery, recordMeta, text } from '../schema-kit.ts';

export const LISTS = ['network', 'companies', 'subscribers'] as const;
export type ListName = (typeof LISTS)[number];
export const ISSUE_STATES = ['draft', 'sent'] as const;
export const PICTURE_TYPES = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as const;
export type PictureType = keyof typeof PICTURE_TYPES;
/** A picture's bytes at most (the request carries them as base64, about a third more). */
export const PICTURE_MAX_BYTES = 1_500_000;
export const SECTIONS_MAX = 8;

/** A site link: a full https address, or a path on the programme's own site (an event page, the catalogue). */
const linkUrl = z.union([httpsUrl, z.string().check(z.regex(/^\/[A-Za-z0-9/_.?=&#%-]{0,300}$/, 'eine https-Adresse oder ein Pfad der Website'))]);

export const Link = z.strictObject({
  label: text(120, 2),
  url: linkUrl,
  /** What the link points to, when it was chosen from the product: an event or an offer. */
  ref: z.optional(z.strictObject({ type: z.enum(['event', 'offer']), id })),
});
export type Link = z.infer<typeof Link>;

/** A picture uploaded for the issue: its path under the site's /medien/ and the text that describes it. */
export const Picture = z.strictObject({
  key: z.string().check(z.regex(/^newsletter\/[0-9A-Z]{26}\/[0-9A-Z]{26}\.(jpg|png|webp)$/, 'kein Bild dieser Ausgabe')),
  alt: text(300, 3),
});

export const Section = z.strictObject({
  heading: text(200, 2),
  body: text(6000, 1),
  picture: z.optional(Picture),
  links: z._default(z.array(Link).check(z.maxLength(6)), []),
});
export type Section = z.infer<typeof Section>;

const issueFields = {
  title: text(200, 3),
  intro: text(3000, 1),
  sections: z._default(z.array(Section).check(z.maxLength(SECTIONS_MAX)), []),
};

export const IssueInput = z.strictObject(issueFields).clone().register(z.globalRegistry, { id: 'NewsletterInput' });
export type IssueInput = z.infer<typeof IssueInput>;
export const IssueUpdate = z
  .strictObject({ ...issueFields, version: recordMeta.version })
  .clone()
  .register(z.globalRegistry, { id: 'NewsletterUpdate' });
export type IssueUpdate = z.infer<typeof IssueUpdate>;

/** Who gets an issue: any of the three lists, the companies narrowed by sector and district (none: all). */
export const Audience = z
  .strictObject({
    network: z._default(z.boolean(), false),
    companies: z.optional(
      z.strictObject({
        wzSections: z._default(z.array(z.enum(WZ_CODES as [string, ...string[]])).check(z.maxLength(WZ_CODES.length)), []),
        districts: z._default(z.array(z.enum(DISTRICTS)).check(z.maxLength(DISTRICTS.length)), []),
      }),
    ),
    subscribers: z._default(z.boolean(), false),
  })
  .check(z.refine((a) => a.network || a.companies || a.subscribers, { path: ['network'], message: 'mindestens eine Liste wählen' }))
  .clone()
  .register(z.globalRegistry, { id: 'NewsletterAudience' });
export type Audience = z.infer<typeof Audience>;

export const SendInput = z.strictObject({ version: recordMeta.version, audience: Audience }).clone().register(z.globalRegistry, { id: 'NewsletterSend' });
export type SendInput = z.infer<typeof SendInput>;

export const AudienceCount = z
  .object({
    /** Distinct addresses that would get the issue (an address on two lists gets it once). */
    recipients: z.number().check(z.int()).check(z.gte(0)),
    byList: z.object({ network: z.number().check(z.int()), companies: z.number().check(z.int()), subscribers: z.number().check(z.int()) }),
    /** Addresses left out because they unsubscribed from that list. */
    optedOut: z.number().check(z.int()).check(z.gte(0)),
  })
  .clone()
  .register(z.globalRegistry, { id: 'NewsletterAudienceCount' });
export type AudienceCount = z.infer<typeof AudienceCount>;

export const Issue = z
  .object({
    ...issueFields,
    ...recordMeta,
    state: z.enum(ISSUE_STATES),
    /** Pictures uploaded for this issue (used or not); deleting the draft deletes them. */
    pictures: z._default(z.array(z.string()), []),
    audience: z.optional(Audience),
    recipients: z.optional(z.number().check(z.int()).check(z.gte(0))),
    sentAt: z.optional(isoDateTime),
    sentBy: z.optional(z.string()),
    jobId: z.optional(z.string()),
    createdBy: z.string(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .clone()
  .register(z.globalRegistry, { id: 'Newsletter' });
export type Issue = z.infer<typeof Issue>;

export const IssueListQuery = z.strictObject({ state: z.optional(z.enum(ISSUE_STATES)), ...pageQuery });
export type IssueListQuery = z.infer<typeof IssueListQuery>;

export const PictureUpload = z
  .strictObject({
    contentType: z.enum(Object.keys(PICTURE_TYPES) as [PictureType, ...PictureType[]]),
    /** The picture's bytes as base64. */
    data: z
      .string()
      .check(z.maxLength(Math.ceil((PICTURE_MAX_BYTES * 4) / 3) + 4, `höchstens ${PICTURE_MAX_BYTES / 1_000_000} MB`))
      .check(z.regex(/^[A-Za-z0-9+/]+={0,2}$/, 'kein Base64')),
  })
  .clone()
  .register(z.globalRegistry, { id: 'NewsletterPictureUpload' });
export type PictureUpload = z.infer<typeof PictureUpload>;

export const UploadedPicture = z.object({ key: z.string(), url: z.string() }).clone().register(z.globalRegistry, { id: 'NewsletterPicture' });

export const Preview = z.object({ subject: z.string(), html: z.string(), text: z.string() }).clone().register(z.globalRegistry, { id: 'NewsletterPreview' });
export type Preview = z.infer<typeof Preview>;

// ── Public subscribers ─────────────────────────────────────────────
export const SUBSCRIBER_LANGUAGES = ['de', 'en'] as const;
export { SUBSCRIBE_CONSENT };
/** Unconfirmed sign-ups are deleted after this many days. */
export const PENDING_DAYS = 7;

export const SubscribeInput = z
  .strictObject({
    email: z.email('keine gültige E-Mail-Adresse').check(z.maxLength(254)),
    language: z._default(z.enum(SUBSCRIBER_LANGUAGES), 'de'),
    consent: z.literal(true, 'Bitte stimmen Sie zu, damit wir Ihnen den Newsletter schicken dürfen.'),
  })
  .clone()
  .register(z.globalRegistry, { id: 'SubscribeInput' });
export type SubscribeInput = z.infer<typeof SubscribeInput>;

export const Subscriber = z
  .object({
    id,
    email: z.string(),
    language: z.enum(SUBSCRIBER_LANGUAGES),
    state: z.enum(['pending', 'active']),
    /** When the person asked on the page, and when their confirmation link was opened. */
    signedUpAt: isoDateTime,
    confirmedAt: z.optional(isoDateTime),
    /** The text they agreed to, as it was then. */
    consentText: z.string(),
    version: z.number().check(z.int()),
  })
  .clone()
  .register(z.globalRegistry, { id: 'Subscriber' });
export type Subscriber = z.infer<typeof Subscriber>;

export const SubscriberListQuery = z.strictObject({ ...pageQuery });

/** The same answer for a new address, a pending one and one already subscribed: the page reveals nothing about who is on the list. */
export const SubscribeResult = z
  .object({ status: z.literal('check_mail') })
  .clone()
  .register(z.globalRegistry, { id: 'SubscribeResult' });
export const ConfirmResult = z
  .object({ status: z.literal('subscribed'), language: z.enum(SUBSCRIBER_LANGUAGES) })
  .clone()
  .register(z.globalRegistry, { id: 'ConfirmResult' });

// ── The public archive ─────────────────────────────────────────────
export const PublicIssue = z
  .object({
    id,
    title: z.string(),
    intro: z.string(),
    sentAt: isoDateTime,
    sections: z.array(
      z.object({
        heading: z.string(),
        body: z.string(),
        picture: z.optional(z.object({ url: z.string(), alt: z.string() })),
        links: z.array(z.object({ label: z.string(), url: z.string() })),
      }),
    ),
  })
  .clone()
  .register(z.globalRegistry, { id: 'PublicNewsletter' });
export type PublicIssue = z.infer<typeof PublicIssue>;
export const PublicIssueSummary = z
  .object({ id, title: z.string(), intro: z.string(), sentAt: isoDateTime })
  .clone()
  .register(z.globalRegistry, { id: 'PublicNewsletterSummary' });
