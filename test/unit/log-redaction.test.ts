// Error messages go to the logs without the e-mail addresses a mail service names in them (SES: "… identities failed
// the check: name@example.org").
import { describe, expect, it } from 'vitest';
import { loggableMessage } from '#functions/http/log.ts';

describe('log redaction', () => {
  it('keeps the reason and drops every address', () => {
    const error = new Error('MessageRejected: Email address is not verified. The following identities failed the check: Anna.Schulz@partner.example, <b@x.de>');
    const logged = loggableMessage(error);
    expect(logged).toContain('MessageRejected: Email address is not verified.');
    expect(logged).not.toMatch(/@/);
    expect(logged).toContain('[Adresse]');
  });

  it('bounds the length', () => {
    expect(loggableMessage(new Error('x'.repeat(1000)))).toHaveLength(200);
  });
});
