// /api/unsubscribe: the link in the digest opens a confirmation page (a GET changes nothing, so link scanners
// cannot unsubscribe anyone); the button there and the mail programs' one-click POST unsubscribe the contact.
import { escapeHtml } from '#shared/email/message.ts';
import { LIST_NAMES, parseUnsubscribeToken, unsubscribeNewsletter } from '#shared/newsletters/unsubscribe.ts';
import { unsubscribe } from '#shared/reports/unsubscribe.ts';
import { database } from '../clients.ts';
import { api, htmlPage } from '../http/route.ts';
import { config } from '../config.ts';
import { unsubscribeContract } from './contract.ts';

const page = (title: string, body: string) =>
  htmlPage(
    `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1a2b3c"><main><h1 style="font-size:1.4rem">${escapeHtml(title)}</h1>${body}</main></body></html>`,
    { form: true },
  );

const secret = () => {
  const value = config().UNSUBSCRIBE_SECRET;
  if (!value) throw new Error('UNSUBSCRIBE_SECRET is not configured');
  return value;
};

const emailOf = (e: string) => Buffer.from(e, 'base64url').toString('utf8');

export const handler = api(unsubscribeContract, {
  confirm({ query }) {
    const action = `/api/unsubscribe?${new URLSearchParams(query)}`;
    return page(
      'Monatsbericht abbestellen',
      `<p>Möchten Sie den Monatsbericht des amoN-Netzwerks an <strong>${escapeHtml(emailOf(query.e))}</strong> nicht mehr erhalten?</p>
<form method="post" action="${escapeHtml(action)}"><button type="submit" style="font-size:1rem;padding:.6rem 1.2rem">Abbestellen</button></form>`,
    );
  },
  async unsubscribe({ query }) {
    const { member } = await unsubscribe(database(), query.m, emailOf(query.e), query.s, secret());
    return page(
      'Abbestellt',
      `<p>${escapeHtml(emailOf(query.e))} erhält den Monatsbericht für ${escapeHtml(member)} nicht mehr. Sie können ihn jederzeit beim Projektteam wieder bestellen.</p>`,
    );
  },
  newsletterConfirm({ query }) {
    const { list } = parseUnsubscribeToken(secret(), query.t);
    const action = `/api/unsubscribe/newsletter?${new URLSearchParams(query)}`;
    return page(
      'Newsletter abbestellen',
      `<p>Möchten Sie den „${escapeHtml(LIST_NAMES[list])}“ nicht mehr erhalten?</p>
<form method="post" action="${escapeHtml(action)}"><button type="submit" style="font-size:1rem;padding:.6rem 1.2rem">Abbestellen</button></form>`,
    );
  },
  async newsletterUnsubscribe({ query }) {
    const { list } = await unsubscribeNewsletter(database(), secret(), query.t);
    return page(
      'Abbestellt',
      `<p>Sie erhalten den „${escapeHtml(LIST_NAMES[list])}“ nicht mehr.${list === 'subscribers' ? ' Ihre Adresse und Ihre Einwilligung sind gelöscht.' : ''} Sie können ihn jederzeit wieder bestellen.</p>`,
    );
  },
});
