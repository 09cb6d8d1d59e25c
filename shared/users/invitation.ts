// The invitation e-mail for a new staff account of the local identity store (Cognito sends its own in AWS).
import { escapeHtml, type OutgoingMail } from '../email/message.ts';
import type { User } from './schema.ts';

const ROLE_NAMES = { admin: 'Administration', counsellor: 'Beratung', coordinator: 'Netzwerkkoordination' } as const;

export function invitationMail(user: User, temporaryPassword: string, siteUrl: string): OutgoingMail {
  const roles = user.roles.map((r) => ROLE_NAMES[r]).join(', ');
  const text = [
    `Guten Tag ${user.name},`,
    '',
    `für Sie wurde ein Konto in der amoN-Plattform angelegt (Rollen: ${roles}).`,
    '',
    `Anmeldung: ${siteUrl}/#/login`,
    `E-Mail: ${user.email}`,
    `Vorläufiges Passwort: ${temporaryPassword}`,
    '',
    'Bitte ändern Sie das Passwort nach der ersten Anmeldung.',
  ].join('\n');
  const html = `<p>Guten Tag ${escapeHtml(user.name)},</p>
<p>für Sie wurde ein Konto in der amoN-Plattform angelegt (Rollen: ${escapeHtml(roles)}).</p>
<p><a href="${escapeHtml(siteUrl)}/#/login">Zur Anmeldung</a><br>E-Mail: ${escapeHtml(user.email)}<br>
Vorläufiges Passwort: <code>${escapeHtml(temporaryPassword)}</code></p>
<p>Bitte ändern Sie das Passwort nach der ersten Anmeldung.</p>`;
  return { to: user.email, subject: 'Ihr Zugang zur amoN-Plattform', text, html, kind: 'user-invitation' };
}
