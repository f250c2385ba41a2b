import { describe, expect, it } from 'vitest';
import { mapSmtpError } from './map-smtp-error.ts';

describe('mapSmtpError', () => {
  it.each([
    [{ code: 'EAUTH', responseCode: 535, response: '535 5.7.8 Authentication credentials invalid' }, 'auth-expired'],
    [{ code: 'EENVELOPE', responseCode: 530, response: '530 5.7.0 Authentication required' }, 'auth-expired'],
    [{ code: 'EENVELOPE', responseCode: 452, response: '452 4.2.2 Mailbox full' }, 'temporary'],
    [{ code: 'EMESSAGE', responseCode: 421, response: '421 4.7.0 Try again later' }, 'temporary'],
    [{ code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 No such user' }, 'permanent'],
    [{ code: 'ECONNECTION', message: 'connect ECONNREFUSED 127.0.0.1:25' }, 'temporary'],
    [{ code: 'ETIMEDOUT', message: 'Greeting never received' }, 'temporary'],
    [new Error('something unexpected'), 'permanent'],
  ])('%j → %s', (error, failure) => {
    expect(mapSmtpError(error)).toMatchObject({ name: 'ConnectorError', failure });
  });

  it('reads a throttling 4xx as rate-limited with a retry delay', () => {
    const error = mapSmtpError({
      code: 'EMESSAGE',
      responseCode: 421,
      response: '421 4.7.0 Too many messages, slow down',
    });
    expect(error).toMatchObject({ failure: 'rate-limited', retryAfterSeconds: 60 });
  });

  it('keeps the server’s words for the agent who reads the failure', () => {
    expect(mapSmtpError({ code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 No such user' }).message).toBe(
      'SMTP send failed (EENVELOPE 550): 550 5.1.1 No such user',
    );
  });
});
