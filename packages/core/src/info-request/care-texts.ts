/**
 * The bot's built-in sentences, per language. `{{tone.greeting}}` and `{{tone.signOff}}` take the
 * workspace's tone of voice; `{{fields}}` the list of missing fields; `{{opening}}` the next staffed time.
 * None of them sends the customer to another channel: we answer where they wrote.
 */
export interface CareTexts {
  /** Public answer when we continue in private to collect information. */
  publicAcknowledgeMoveToPrivate: string;
  /** Public answer when an agent will answer in the same place. */
  publicAcknowledge: string;
  /** Added to a public answer when the customer posted personal data where anyone can read it. */
  personalDataNotice: string;
  /** Added when nobody is staffed now. */
  outOfHours: string;
  /** The one private message asking for everything missing. */
  askForFields: string;
  /** Private continuation when nothing is missing but the conversation must leave the public post. */
  continueInPrivate: string;
  reminder: string;
  /** Where the customer wrote, when an agent hands the ticket to another team (`{{team}}`): never "not us". */
  handedToTeam: string;
  /** Every automated answer ends offering a person. */
  offerHuman: string;
}

export interface ToneOfVoice {
  greeting: string;
  signOff: string;
}

export type CareLanguage = 'it' | 'en';

export const careTexts: Record<CareLanguage, CareTexts> = {
  it: {
    publicAcknowledgeMoveToPrivate: '{{tone.greeting}}, ci dispiace per il disagio: ti abbiamo scritto in privato.',
    publicAcknowledge: '{{tone.greeting}}, grazie per averci scritto: ti rispondiamo qui il prima possibile.',
    personalDataNotice: 'Per la tua sicurezza ti consigliamo di cancellare il post con i tuoi dati personali.',
    outOfHours: 'Il team sarà disponibile {{opening}}: una persona ti risponderà allora.',
    askForFields:
      '{{tone.greeting}}, per aiutarti ci servono {{fields}}. Puoi scriverceli in un solo messaggio? Se preferisci parlare con una persona, scrivi «operatore». {{tone.signOff}}',
    continueInPrivate:
      '{{tone.greeting}}, continuiamo qui in privato: una persona del team ti risponderà a breve. {{tone.signOff}}',
    reminder:
      '{{tone.greeting}}, per andare avanti ci servono ancora {{fields}}. Puoi scriverceli qui? {{tone.signOff}}',
    handedToTeam:
      '{{tone.greeting}}, abbiamo passato la tua richiesta ai colleghi di {{team}}: ti risponderanno qui, in questa conversazione. {{tone.signOff}}',
    offerHuman: 'Se preferisci parlare con una persona, rispondi «operatore».',
  },
  en: {
    publicAcknowledgeMoveToPrivate: "{{tone.greeting}}, we're sorry for the trouble: we've sent you a private message.",
    publicAcknowledge: '{{tone.greeting}}, thanks for reaching out: we will answer you here as soon as possible.',
    personalDataNotice: 'For your safety we suggest deleting the post with your personal details.',
    outOfHours: 'Our team is available again {{opening}}: a person will answer you then.',
    askForFields:
      '{{tone.greeting}}, to help you we need {{fields}}. Could you send them in one message? If you would rather talk to a person, write "agent". {{tone.signOff}}',
    continueInPrivate:
      "{{tone.greeting}}, let's continue here in private: a person from our team will answer shortly. {{tone.signOff}}",
    reminder: '{{tone.greeting}}, to move forward we still need {{fields}}. Could you send them here? {{tone.signOff}}',
    handedToTeam:
      "{{tone.greeting}}, we've passed your request to our colleagues in {{team}}: they will answer you here, in this conversation. {{tone.signOff}}",
    offerHuman: 'If you would rather talk to a person, reply "agent".',
  },
};

export const defaultTone: Record<CareLanguage, ToneOfVoice> = {
  it: { greeting: 'Ciao {{customer.name}}', signOff: 'Grazie!' },
  en: { greeting: 'Hi {{customer.name}}', signOff: 'Thank you!' },
};

/** The built-in language closest to the customer's: English when we have no text in theirs. */
export const careLanguageFor = (language: string): CareLanguage => (language === 'it' ? 'it' : 'en');
