// E-mail transports: the same nodemailer MIME message goes to SES in AWS and to a .eml file in the local outbox.
// nodemailer and the SES client load with the first mail a process sends, not when a function starts.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import type { MailTransport, OutgoingMail } from '#shared/email/message.ts';
import { config } from '../config.ts';

/** Builds the raw MIME message with nodemailer. */
export async function toMime(mail: OutgoingMail, from: string): Promise<{ raw: Buffer; messageId: string }> {
  const { default: MailComposer } = await import('nodemailer/lib/mail-composer/index.js');
  const composer = new MailComposer({
    from,
    to: mail.to,
    ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: { ...mail.headers, 'X-Amon-Kind': mail.kind },
    attachments: mail.attachments?.map((a) => ({
      filename: a.filename,
      content: typeof a.content === 'string' ? a.content : Buffer.from(a.content),
      contentType: a.contentType,
      ...(a.method ? { method: a.method } : {}),
    })),
    ...(mail.calendar ? { icalEvent: { method: mail.calendar.method, content: mail.calendar.content, filename: mail.calendar.filename } } : {}),
  });
  const node = composer.compile();
  const raw = await node.build();
  return { raw, messageId: node.messageId() };
}

/** The sender as name and address, from "Name <address>" (the organizer of meeting invitations). */
export function sender(from: string): { name: string; email: string } {
  const match = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(from);
  return match ? { name: match[1] || match[2]!, email: match[2]! } : { name: from, email: from };
}

export function outboxTransport(dir: string, from: string): MailTransport {
  return {
    async send(mail) {
      const { raw, messageId } = await toMime(mail, from);
      await mkdir(dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const safeTo = mail.to.replace(/[^a-zA-Z0-9@._-]/g, '_');
      await writeFile(join(dir, `${stamp}-${mail.kind}-${safeTo}.eml`), raw);
      return { messageId };
    },
  };
}

export function sesTransport(client: SESv2Client, from: string): MailTransport {
  return {
    async send(mail) {
      const [{ raw, messageId }, { SendEmailCommand }] = await Promise.all([toMime(mail, from), import('@aws-sdk/client-sesv2')]);
      const out = await client.send(new SendEmailCommand({ Content: { Raw: { Data: raw } } }));
      return { messageId: out.MessageId ?? messageId };
    },
  };
}

let transport: MailTransport | undefined;

/** The transport of this world, created once. */
export function mailTransport(): MailTransport {
  if (transport) return transport;
  const cfg = config();
  transport = cfg.MAIL_TRANSPORT === 'ses' ? lazySesTransport(cfg.AWS_REGION, cfg.MAIL_FROM) : outboxTransport(cfg.OUTBOX_DIR, cfg.MAIL_FROM);
  return transport;
}

/** The SES transport, its client created with the first mail. */
export function lazySesTransport(region: string, from: string): MailTransport {
  let ses: Promise<MailTransport> | undefined;
  return {
    async send(mail) {
      ses ??= import('@aws-sdk/client-sesv2').then(({ SESv2Client }) => sesTransport(new SESv2Client({ region }), from));
      return (await ses).send(mail);
    },
  };
}
