// Newsletters: issues that coordinators write (title, introduction, sections with a picture and links to events and
// offers), sent once per recipient to lists (network contacts, companies by sector and district, public subscribers
// with double opt-in), and kept in a public archive.
import * as z from 'zod';
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
const linkUrl = z.union([httpsUrl, z.string().regex(/^\/[A-Za-z0-9/_.?=&#%-]{0,300}$/, 'eine https-Adresse oder ein Pfad der Website')]);

export const Link = z.strictObject({
  label: text(120, 2),
  url: linkUrl,
  /** What the link points to, when it was chosen from the product: an event or an offer. */
  ref: z.strictObject({ type: z.enum(['event', 'offer']), id }).optional(),
});
export type Link = z.infer<typeof Link>;

/** A picture uploaded for the issue: its path under the site's /medien/ and the text that describes it. */
export const Picture = z.strictObject({
  key: z.string().regex(/^newsletter\/[0-9A-Z]{26}\/[0-9A-Z]{26}\.(jpg|png|webp)$/, 'kein Bild dieser Ausgabe'),
  alt: text(300, 3),
});

export const Section = z.strictObject({
  heading: text(200, 2),
  body: text(6000, 1),
  picture: Picture.optional(),
  links: z.array(Link).max(6).default([]),
});
export type Section = z.infer<typeof Section>;

const issueFields = {
  title: text(200, 3),
  intro: text(3000, 1),
  sections: z.array(Section).max(SECTIONS_MAX).default([]),
};

export const IssueInput = z.strictObject(issueFields).meta({ id: 'NewsletterInput' });
export type IssueInput = z.infer<typeof IssueInput>;
export const IssueUpdate = z.strictObject({ ...issueFields, version: recordMeta.version }).meta({ id: 'NewsletterUpdate' });
export type IssueUpdate = z.infer<typeof IssueUpdate>;

/** Who gets an issue: any of the three lists, the companies narrowed by sector and district (none: all). */
export const Audience = z
  .strictObject({
    network: z.boolean().default(false),
    companies: z
      .strictObject({
        wzSections: z
          .array(z.enum(WZ_CODES as [string, ...string[]]))
          .max(WZ_CODES.length)
          .default([]),
        districts: z.array(z.enum(DISTRICTS)).max(DISTRICTS.length).default([]),
      })
      .optional(),
    subscribers: z.boolean().default(false),
  })
  .refine((a) => a.network || a.companies || a.subscribers, { path: ['network'], message: 'mindestens eine Liste wählen' })
  .meta({ id: 'NewsletterAudience' });
export type Audience = z.infer<typeof Audience>;

export const SendInput = z.strictObject({ version: recordMeta.version, audience: Audience }).meta({ id: 'NewsletterSend' });
export type SendInput = z.infer<typeof SendInput>;

export const AudienceCount = z
  .object({
    /** Distinct addresses that would get the issue (an address on two lists gets it once). */
    recipients: z.number().int().min(0),
    byList: z.object({ network: z.number().int(), companies: z.number().int(), subscribers: z.number().int() }),
    /** Addresses left out because they unsubscribed from that list. */
    optedOut: z.number().int().min(0),
  })
  .meta({ id: 'NewsletterAudienceCount' });
export type AudienceCount = z.infer<typeof AudienceCount>;

export const Issue = z
  .object({
    ...issueFields,
    ...recordMeta,
    state: z.enum(ISSUE_STATES),
    /** Pictures uploaded for this issue (used or not); deleting the draft deletes them. */
    pictures: z.array(z.string()).default([]),
    audience: Audience.optional(),
    recipients: z.number().int().min(0).optional(),
    sentAt: isoDateTime.optional(),
    sentBy: z.string().optional(),
    jobId: z.string().optional(),
    createdBy: z.string(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Newsletter' });
export type Issue = z.infer<typeof Issue>;

export const IssueListQuery = z.strictObject({ state: z.enum(ISSUE_STATES).optional(), ...pageQuery });
export type IssueListQuery = z.infer<typeof IssueListQuery>;

export const PictureUpload = z
  .strictObject({
    contentType: z.enum(Object.keys(PICTURE_TYPES) as [PictureType, ...PictureType[]]),
    /** The picture's bytes as base64. */
    data: z
      .string()
      .max(Math.ceil((PICTURE_MAX_BYTES * 4) / 3) + 4, `höchstens ${PICTURE_MAX_BYTES / 1_000_000} MB`)
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'kein Base64'),
  })
  .meta({ id: 'NewsletterPictureUpload' });
export type PictureUpload = z.infer<typeof PictureUpload>;

export const UploadedPicture = z.object({ key: z.string(), url: z.string() }).meta({ id: 'NewsletterPicture' });

export const Preview = z.object({ subject: z.string(), html: z.string(), text: z.string() }).meta({ id: 'NewsletterPreview' });
export type Preview = z.infer<typeof Preview>;

// ── Public subscribers ─────────────────────────────────────────────
export const SUBSCRIBER_LANGUAGES = ['de', 'en'] as const;
export { SUBSCRIBE_CONSENT };
/** Unconfirmed sign-ups are deleted after this many days. */
export const PENDING_DAYS = 7;

export const SubscribeInput = z
  .strictObject({
    email: z.email('keine gültige E-Mail-Adresse').max(254),
    language: z.enum(SUBSCRIBER_LANGUAGES).default('de'),
    consent: z.literal(true, 'Bitte stimmen Sie zu, damit wir Ihnen den Newsletter schicken dürfen.'),
  })
  .meta({ id: 'SubscribeInput' });
export type SubscribeInput = z.infer<typeof SubscribeInput>;

export const Subscriber = z
  .object({
    id,
    email: z.string(),
    language: z.enum(SUBSCRIBER_LANGUAGES),
    state: z.enum(['pending', 'active']),
    /** When the person asked on the page, and when their confirmation link was opened. */
    signedUpAt: isoDateTime,
    confirmedAt: isoDateTime.optional(),
    /** The text they agreed to, as it was then. */
    consentText: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'Subscriber' });
export type Subscriber = z.infer<typeof Subscriber>;

export const SubscriberListQuery = z.strictObject({ ...pageQuery });

/** The same answer for a new address, a pending one and one already subscribed: the page reveals nothing about who is on the list. */
export const SubscribeResult = z.object({ status: z.literal('check_mail') }).meta({ id: 'SubscribeResult' });
export const ConfirmResult = z.object({ status: z.literal('subscribed'), language: z.enum(SUBSCRIBER_LANGUAGES) }).meta({ id: 'ConfirmResult' });

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
        picture: z.object({ url: z.string(), alt: z.string() }).optional(),
        links: z.array(z.object({ label: z.string(), url: z.string() })),
      }),
    ),
  })
  .meta({ id: 'PublicNewsletter' });
export type PublicIssue = z.infer<typeof PublicIssue>;
export const PublicIssueSummary = z.object({ id, title: z.string(), intro: z.string(), sentAt: isoDateTime }).meta({ id: 'PublicNewsletterSummary' });
