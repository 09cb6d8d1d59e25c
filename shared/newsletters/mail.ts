// A newsletter issue as an e-mail (HTML and plain text alike: the same words, pictures as plain images from the site,
// links as they were written, no tracking pixel), the footer with the list's one-click unsubscribe, and the mail that
// asks a new subscriber to confirm. The public archive shows the same issue from `issueView`.
import { escapeHtml, type OutgoingMail } from '../email/message.ts';
import type { Issue, ListName, PublicIssue } from './schema.ts';

export type SiteLinks = { siteUrl: string };

const site = (s: SiteLinks) => s.siteUrl.replace(/\/$/, '');
/** A link as the reader gets it: paths on the programme's site become full addresses; nothing is rewritten. */
export const absolute = (s: SiteLinks, url: string) => (url.startsWith('/') ? `${site(s)}${url}` : url);
export const pictureUrl = (s: SiteLinks, key: string) => `${site(s)}/medien/${key}`;

const germanDate = (iso: string) =>
  new Intl.DateTimeFormat('de-DE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Berlin' }).format(new Date(iso));

/** The issue with full addresses, as the archive and the mail show it. */
export function issueView(i: Issue, s: SiteLinks, sentAt = i.sentAt ?? i.updatedAt): PublicIssue {
  return {
    id: i.id,
    title: i.title,
    intro: i.intro,
    sentAt,
    sections: i.sections.map((x) => ({
      heading: x.heading,
      body: x.body,
      ...(x.picture ? { picture: { url: pictureUrl(s, x.picture.key), alt: x.picture.alt } } : {}),
      links: x.links.map((l) => ({ label: l.label, url: absolute(s, l.url) })),
    })),
  };
}

const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
const htmlParagraphs = (text: string, style: string) =>
  paragraphs(text)
    .map((p) => `<p style="${style}">${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');

const WHY: Record<ListName, string> = {
  network: 'Sie erhalten diesen Newsletter als Kontakt einer Partnerorganisation im amoN-Netzwerk.',
  companies: 'Sie erhalten diesen Newsletter als Ansprechpartner eines Betriebs, mit dem das amoN-Projekt zusammenarbeitet.',
  subscribers: 'Sie erhalten diesen Newsletter, weil Sie ihn auf unserer Website bestellt und bestätigt haben.',
};

export type MailFooter = { list: ListName; unsubscribeUrl: string; mailto: string };

/** The subject line: "amoN-Newsletter: <title>". */
export const issueSubject = (i: Pick<Issue, 'title'>) => `amoN-Newsletter: ${i.title}`;

export function issueText(v: PublicIssue, footer?: MailFooter): string {
  const lines = [v.title, '='.repeat(Math.min(72, v.title.length)), '', ...paragraphs(v.intro).flatMap((p) => [p, ''])];
  for (const x of v.sections) {
    lines.push(x.heading, '-'.repeat(Math.min(72, x.heading.length)), '');
    for (const p of paragraphs(x.body)) lines.push(p, '');
    if (x.picture) lines.push(`[Bild: ${x.picture.alt}]`, '');
    for (const l of x.links) lines.push(`${l.label}: ${l.url}`);
    if (x.links.length) lines.push('');
  }
  lines.push('--', 'amoN – abschlussorientierte modulare Nachqualifizierung');
  if (footer) lines.push(WHY[footer.list], `Abbestellen: ${footer.unsubscribeUrl}`);
  return lines.join('\n');
}

export function issueHtml(v: PublicIssue, footer?: MailFooter): string {
  const text = 'margin:0 0 1em;font-size:16px;line-height:1.5;color:#1a2b3c';
  const sections = v.sections
    .map(
      (x) => `<h2 style="font-size:20px;margin:1.6em 0 .5em;color:#0b4f71">${escapeHtml(x.heading)}</h2>
${x.picture ? `<img src="${escapeHtml(x.picture.url)}" alt="${escapeHtml(x.picture.alt)}" width="560" style="display:block;max-width:100%;height:auto;border:0;margin:0 0 1em">\n` : ''}${htmlParagraphs(x.body, text)}${
        x.links.length
          ? `\n<ul style="${text};padding-left:1.2em">${x.links.map((l) => `<li><a href="${escapeHtml(l.url)}" style="color:#0b4f71">${escapeHtml(l.label)}</a></li>`).join('')}</ul>`
          : ''
      }`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(v.title)}</title></head>
<body style="margin:0;padding:0;background:#f3f5f7">
<div style="max-width:600px;margin:0 auto;padding:24px 20px;background:#ffffff;font-family:Arial,Helvetica,sans-serif">
<p style="margin:0 0 .5em;font-size:14px;color:#4a5a6a">amoN-Newsletter · ${escapeHtml(germanDate(v.sentAt))}</p>
<h1 style="font-size:26px;margin:0 0 .8em;color:#0b4f71">${escapeHtml(v.title)}</h1>
${htmlParagraphs(v.intro, text)}
${sections}
<hr style="border:0;border-top:1px solid #c9d2da;margin:2em 0 1em">
<p style="font-size:13px;line-height:1.5;color:#4a5a6a">amoN – abschlussorientierte modulare Nachqualifizierung${
    footer ? `<br>${escapeHtml(WHY[footer.list])}<br><a href="${escapeHtml(footer.unsubscribeUrl)}" style="color:#0b4f71">Newsletter abbestellen</a>` : ''
  }</p>
</div>
</body></html>`;
}

/** One recipient's mail, with the list's one-click unsubscribe headers (RFC 8058) and a List-Id per list. */
export function issueMail(i: Issue, s: SiteLinks, to: string, footer: MailFooter): OutgoingMail {
  const v = issueView(i, s);
  return {
    to,
    subject: issueSubject(i),
    text: issueText(v, footer),
    html: issueHtml(v, footer),
    headers: {
      'List-Unsubscribe': `<${footer.unsubscribeUrl}>, <${footer.mailto}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'List-Id': `amoN Newsletter ${footer.list} <${footer.list}.newsletter.amon>`,
    },
    kind: 'newsletter',
  };
}

/** The test mail to the coordinator: the issue as it will look, marked as a test, without a working unsubscribe. */
export function testMail(i: Issue, s: SiteLinks, to: string, now: Date): OutgoingMail {
  const v = issueView(i, s, now.toISOString());
  return {
    to,
    subject: `[Test] ${issueSubject(i)}`,
    text: `Testversand – so sieht die Ausgabe beim Empfang aus.\n\n${issueText(v, { list: 'network', unsubscribeUrl: `${site(s)}/newsletter/`, mailto: '' })}`,
    html: issueHtml(v, { list: 'network', unsubscribeUrl: `${site(s)}/newsletter/`, mailto: '' }).replace(
      '<body style="margin:0;padding:0;background:#f3f5f7">',
      '<body style="margin:0;padding:0;background:#f3f5f7"><p style="margin:0;padding:8px;background:#fff4c2;font-family:Arial,Helvetica,sans-serif;text-align:center">Testversand – so sieht die Ausgabe beim Empfang aus.</p>',
    ),
    kind: 'newsletter-test',
  };
}

const CONFIRM = {
  de: {
    subject: 'Bitte bestätigen Sie Ihr Newsletter-Abonnement',
    lead: 'Sie (oder jemand mit Ihrer Adresse) haben den Newsletter des amoN-Projekts bestellt. Bitte bestätigen Sie das mit diesem Link:',
    ignore: 'Wenn Sie nichts bestellt haben, ignorieren Sie diese E-Mail einfach; die Adresse wird nach 7 Tagen gelöscht.',
    consent: 'Ihre Einwilligung:',
    bye: ['Mit freundlichen Grüßen', 'Ihr amoN-Projektteam'],
  },
  en: {
    subject: 'Please confirm your newsletter subscription',
    lead: 'You (or someone using your address) subscribed to the amoN project newsletter. Please confirm with this link:',
    ignore: 'If you did not subscribe, simply ignore this e-mail; the address is deleted after 7 days.',
    consent: 'Your consent:',
    bye: ['Kind regards', 'The amoN project team'],
  },
} as const;

export function confirmationMail(to: string, language: 'de' | 'en', confirmUrl: string, consentText: string): OutgoingMail {
  const t = CONFIRM[language];
  return {
    to,
    subject: t.subject,
    text: [t.lead, '', confirmUrl, '', t.ignore, '', t.consent, consentText, '', ...t.bye].join('\n'),
    html: `<p>${escapeHtml(t.lead)}</p>
<p><a href="${escapeHtml(confirmUrl)}">${escapeHtml(confirmUrl)}</a></p>
<p>${escapeHtml(t.ignore)}</p>
<p><strong>${escapeHtml(t.consent)}</strong><br>${escapeHtml(consentText)}</p>
<p>${t.bye.map(escapeHtml).join('<br>')}</p>`,
    kind: 'newsletter-confirm',
  };
}
