// The invitation and reminder e-mails of a survey: German first, English below, with the personal link.
import { escapeHtml, type OutgoingMail } from '../email/message.ts';
import { labelIn } from './questions.ts';
import type { Campaign } from './schema.ts';

const germanDate = (iso: string) => iso.split('-').reverse().join('.');

/** The personal link; the token sits in the fragment, so no server or proxy log ever sees it. */
export const surveyLink = (siteUrl: string, token: string) => `${siteUrl.replace(/\/$/, '')}/survey/#t=${token}`;

export function surveyMail(o: { campaign: Campaign; to: string; companyName: string; contactPerson?: string; link: string; reminder: boolean }): OutgoingMail {
  const { campaign, link } = o;
  const until = germanDate(campaign.closesOn);
  const greeting = o.contactPerson ? `Guten Tag ${o.contactPerson},` : 'Guten Tag,';
  const intro = labelIn(campaign.intro, 'de');
  const de = o.reminder
    ? `wir möchten Sie freundlich an unsere Befragung „${campaign.title}“ erinnern. Ihre Antworten für ${o.companyName} helfen uns, Qualifizierungen in der Region passend zu planen. Die Befragung läuft noch bis zum ${until}.`
    : `wir laden ${o.companyName} herzlich zu unserer Befragung „${campaign.title}“ ein. Sie dauert etwa zehn Minuten; Sie können zwischendurch speichern und Ihre Antworten bis zum ${until} ändern.`;
  const en = o.reminder
    ? `A friendly reminder of our survey "${campaign.title}". It is open until ${campaign.closesOn}.`
    : `We invite ${o.companyName} to our survey "${campaign.title}". You can save a draft and change your answers until ${campaign.closesOn}.`;
  const text = [
    greeting,
    '',
    de,
    ...(intro ? ['', intro] : []),
    '',
    `Ihr persönlicher Link: ${link}`,
    '',
    'Bitte geben Sie den Link nicht weiter: Er gilt nur für Ihren Betrieb.',
    '',
    '—',
    en,
    `Your personal link: ${link}`,
  ].join('\n');
  const html = `<p>${escapeHtml(greeting)}</p>
<p>${escapeHtml(de)}</p>${intro ? `\n<p>${escapeHtml(intro)}</p>` : ''}
<p><a href="${escapeHtml(link)}">Zur Befragung</a></p>
<p style="color:#555">Bitte geben Sie den Link nicht weiter: Er gilt nur für Ihren Betrieb.</p>
<hr><p lang="en">${escapeHtml(en)} <a href="${escapeHtml(link)}">Open the survey</a></p>`;
  return {
    to: o.to,
    subject: o.reminder ? `Erinnerung: ${campaign.title}` : `Einladung: ${campaign.title}`,
    text,
    html,
    kind: o.reminder ? 'survey-reminder' : 'survey-invitation',
  };
}
