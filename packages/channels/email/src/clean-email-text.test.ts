import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanEmailText } from './clean-email-text.ts';

const fixture = (path: string): string => readFileSync(new URL(`../test/fixtures/${path}`, import.meta.url), 'utf8');
const lorem =
  'Fusce bibendum, quam hendrerit sagittis tempor, dui turpis tempus erat, pharetra sodales ante sem sit amet metus.';

describe('cleanEmailText on the real reply fixtures', () => {
  const cases: [string, string][] = [
    ['github-email_reply_parser/email_1_9.txt', 'Reply directly above hyphen line'],
    ['github-email_reply_parser/email_sent_from_inbox.txt', 'Hi,\nThis is a test reply from Inbox.'],
    ['github-email_reply_parser/email_with_kind_regards.txt', 'Hey,\n\nThats a great idea!'],
    ['github-email_reply_parser/quote_reply_italian.txt', 'This is a reply with Italian quote'],
    [
      'github-email_reply_parser/outlook_email_with_team_mention.txt',
      'Outlook email reply with a team mention in the email body.',
    ],
  ];
  it.each(cases)('%s keeps only the new text', (path, expected) => {
    expect(cleanEmailText(fixture(path))).toBe(expected);
  });

  it.each([
    'crisp-email-reply-parser/email_ios_outlook_en.txt',
    'crisp-email-reply-parser/email_original_message.txt',
    'crisp-email-reply-parser/email_italian.txt',
  ])('%s drops the history and the client signature', (path) => {
    const cleaned = cleanEmailText(fixture(path));
    expect(cleaned.startsWith(lorem)).toBe(true);
    expect(cleaned.endsWith('Fusce sed odio id arcu varius aliquet nec nec nibh.')).toBe(true);
  });

  it('drops an Outlook From/To/Date/Subject block that has no quote marks', () => {
    const cleaned = cleanEmailText(
      fixture('github-email_reply_parser/email_multiline_quote_header_from_to_date_subject.txt'),
    );
    expect(cleaned.startsWith('I have gained valuable experience')).toBe(true);
    expect(cleaned).not.toContain('From:');
    expect(cleaned).not.toContain('Thank you for recently participating');
  });
});

describe('cleanEmailText on Italian and English clients', () => {
  it('drops an Italian Outlook Da/Inviato/A/Oggetto block, the device line and the sign-off', () => {
    const text = [
      'Buongiorno,',
      'il pacco non è arrivato.',
      '',
      'Cordiali saluti',
      'Giulia Rossi',
      '',
      'Inviato da iPhone',
      '________________________________',
      'Da: Assistenza <support@ascolta.local>',
      'Inviato: lunedì 16 novembre 2026 18:02',
      'A: Giulia Rossi <giulia@example.it>',
      'Oggetto: Re: Ordine 48213',
      '',
      'Ci può indicare il numero?',
    ].join('\r\n');
    expect(cleanEmailText(text)).toBe('Buongiorno,\nil pacco non è arrivato.');
  });

  it('drops a Gmail attribution wrapped over two lines', () => {
    const text =
      'Still broken.\n\nOn Tue, 17 Nov 2026 at 18:02, Support <support@ascolta.local>\nwrote:\n\n> Try again';
    expect(cleanEmailText(text)).toBe('Still broken.');
  });

  it('keeps shipment details that merely look like a header block', () => {
    const text = 'La spedizione è ferma:\nDa: Milano\nA: Roma\nData: 12/11\nPotete sbloccarla?';
    expect(cleanEmailText(text)).toBe(text);
  });

  it('drops an Outlook block that shows names only', () => {
    const text =
      'Still waiting.\n\nFrom: Support Team\nSent: Monday, 16 November 2026 18:02\nTo: Paul\nSubject: RE: Invoice';
    expect(cleanEmailText(text)).toBe('Still waiting.');
  });

  it('cuts at a "-- " signature delimiter', () => {
    expect(cleanEmailText('The app crashes on login.\n-- \nMario Rossi\nACME S.p.A.')).toBe(
      'The app crashes on login.',
    );
  });

  it('keeps a sign-off that is followed by more message', () => {
    const text =
      'Ciao,\nGrazie\nma il problema resta: la fattura 2026-311 è doppia e nessuno mi ha risposto da giorni.';
    expect(cleanEmailText(text)).toBe(text);
  });

  it('keeps "Sent from" when it starts the message rather than ending it', () => {
    const text = 'Sent from Milan on Monday, the parcel never arrived.\nOrder 55120.\nWhat now?\nPlease help.\nAnyone?';
    expect(cleanEmailText(text)).toBe(text);
  });

  it('never returns an empty text for a reply that is only a sign-off', () => {
    expect(cleanEmailText('Grazie!\n\nInviato da iPhone')).toBe('Grazie!');
  });
});
