// The public operations of /api/unsubscribe: the signed link in every digest and newsletter e-mail (RFC 8058 one-click).
import * as z from 'zod/mini';
import { contract } from '../http/route.ts';

const UnsubscribeQuery = z.strictObject({
  m: z.string().check(z.regex(/^[0-9A-Z]{26}$/, 'keine gültige ID')),
  e: z.string().check(z.minLength(4)).check(z.maxLength(400)),
  s: z.string().check(z.minLength(20)).check(z.maxLength(100)),
});

const NewsletterQuery = z.strictObject({
  t: z
    .string()
    .check(z.minLength(60))
    .check(z.maxLength(140))
    .check(z.regex(/^[A-Za-z0-9._-]+$/, 'kein gültiger Link')),
});

export const unsubscribeContract = contract('unsubscribe', {
  confirm: {
    route: 'GET /api/unsubscribe',
    roles: 'public',
    query: UnsubscribeQuery,
    produces: 'text/html',
    summary: 'Seite zum Abbestellen des Monatsberichts (ändert nichts)',
  },
  unsubscribe: {
    route: 'POST /api/unsubscribe',
    roles: 'public',
    query: UnsubscribeQuery,
    maxBodyBytes: 1024,
    produces: 'text/html',
    summary: 'Monatsbericht abbestellen (auch One-Click nach RFC 8058)',
  },
  newsletterConfirm: {
    route: 'GET /api/unsubscribe/newsletter',
    roles: 'public',
    query: NewsletterQuery,
    produces: 'text/html',
    summary: 'Seite zum Abbestellen eines Newsletters (ändert nichts)',
  },
  newsletterUnsubscribe: {
    route: 'POST /api/unsubscribe/newsletter',
    roles: 'public',
    query: NewsletterQuery,
    maxBodyBytes: 1024,
    produces: 'text/html',
    summary: 'Einen Newsletter abbestellen (auch One-Click nach RFC 8058): Abonnenten werden gelöscht, Kontakte von der Liste genommen',
  },
});
