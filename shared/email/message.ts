// An outgoing e-mail as the domain describes it; the transport turns it into MIME (nodemailer) for SES or the outbox.

export type Attachment = { filename: string; content: string | Uint8Array; contentType: string; method?: string };

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  attachments?: Attachment[];
  /** An iCalendar invitation: sent as the text/calendar alternative mail programs act on, and as an .ics attachment. */
  calendar?: { method: 'REQUEST' | 'CANCEL' | 'PUBLISH'; content: string; filename: string };
  /** Groups messages in logs and the outbox file name: "user-invitation", "digest", … */
  kind: string;
  /** Where answers go when it is not the sender (meeting invitations: the organizer's mailbox, which gets the RSVPs). */
  replyTo?: string;
};

export interface MailTransport {
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
}

/** Escapes text for an HTML e-mail body. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
