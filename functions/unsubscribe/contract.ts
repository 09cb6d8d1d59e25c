// The public operations of /api/unsubscribe: the signed link in every digest e-mail (RFC 8058 one-click).
import * as z from 'zod';
import { contract } from '../http/route.ts';

const UnsubscribeQuery = z.strictObject({
  m: z.string().regex(/^[0-9A-Z]{26}$/, 'keine gültige ID'),
  e: z.string().min(4).max(400),
  s: z.string().min(20).max(100),
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
});
