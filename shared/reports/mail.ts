// The monthly digest e-mail: the report as HTML and text with the PDF attached, and one-click unsubscribe headers.
import type { OutgoingMail } from '../email/message.ts';
import { germanMonth as monthName } from '../time.ts';
import { reportHtml, reportText } from './html.ts';
import type { Figures, Recipient } from './model.ts';
import { recipientKey } from './repository.ts';
import { unsubscribeUrl } from './unsubscribe.ts';

/** What the digest needs to build its links. */
export type DigestLinks = { siteUrl: string; unsubscribeMailbox: string; secret: string };

export function digestMail(month: string, figures: Figures, pdf: Uint8Array, r: Recipient, setup: DigestLinks): OutgoingMail {
  const link = unsubscribeUrl(setup, r.memberId, r.email);
  const mailto = `mailto:${setup.unsubscribeMailbox}?subject=${encodeURIComponent(`unsubscribe ${recipientKey(r.memberId, r.email)}`)}`;
  return {
    to: r.email,
    subject: `Monatsbericht ${monthName(month)} – amoN Nachqualifizierung`,
    text: `Guten Tag ${r.contactName},\n\nanbei der Monatsbericht für ${r.memberName}.\n\n${reportText(figures, { unsubscribeUrl: link })}`,
    html: reportHtml(figures, { unsubscribeUrl: link, reportUrl: `${setup.siteUrl.replace(/\/$/, '')}/#/reports/${month}/show` }),
    headers: {
      'List-Unsubscribe': `<${link}>, <${mailto}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'List-Id': 'amoN Monatsbericht <monatsbericht.amon>',
    },
    attachments: [{ filename: `Monatsbericht-${month}.pdf`, content: pdf, contentType: 'application/pdf' }],
    kind: 'digest',
  };
}
