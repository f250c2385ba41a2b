/** What customers write, in Italian and English; texts are ours, written to read like real posts. */
export type Language = 'it' | 'en';

export const complaints: Record<Language, readonly string[]> = {
  it: [
    "L'ordine {order} doveva arrivare ieri e non è ancora arrivato. Aiuto!",
    'Mi avete addebitato due volte la bolletta di marzo, voglio un rimborso',
    "L'app non funziona da stamattina, non riesco ad accedere",
    'Sono ancora in attesa di una risposta dal servizio clienti, è passata una settimana',
    'Il prodotto è arrivato rotto, come faccio il reso?',
    'La fibra è lentissima da tre giorni, pago per 1 Gbit e ne ho 20',
  ],
  en: [
    'My order {order} was due yesterday and still nothing. Help!',
    'You charged me twice this month, I want a refund',
    "The app doesn't work since this morning, can't log in",
    'Still waiting for an answer from support, it has been a week',
    'The parcel arrived damaged, how do I return it?',
    'Internet has been really slow for three days now',
  ],
};

export const questions: Record<Language, readonly string[]> = {
  it: [
    'Fate consegne anche il sabato?',
    'Come cambio il metodo di pagamento?',
    "Quali sono gli orari dell'assistenza?",
  ],
  en: ['Do you deliver on Saturdays?', 'How do I change my payment method?', 'What are your support hours?'],
};

export const praise: Record<Language, readonly string[]> = {
  it: ['Grazie mille per la risposta veloce, problema risolto!', 'Servizio impeccabile, complimenti'],
  en: ['Thanks for the quick help, all sorted!', 'Great service as always'],
};

export const chatter: Record<Language, readonly string[]> = {
  it: ['Qualcuno ha visto la partita ieri sera?', 'Buongiorno a tutti 😊'],
  en: ['Anyone watching the game tonight?', 'Good morning everyone'],
};

export const spam: readonly string[] = [
  'Earn $5000 a week from home!!! DM me 💰💰 bit.ly/x9x9x9',
  'Follow back? 🔥 I follow everyone who follows me',
  'Guadagna subito con le crypto, scrivimi in privato 🚀🚀',
  'FREE iPhone giveaway click here ➡️ t.co/fr33',
  'Compra follower veri a 1€ ogni 1000 👉 link in bio',
];

export const outage: Record<Language, readonly string[]> = {
  it: [
    "Internet down a Milano da mezz'ora, anche per voi?",
    'La fibra non funziona, zona Navigli. Aiuto',
    'Nessuna connessione da 40 minuti, che succede?',
  ],
  en: [
    'Internet is down in Milan, anyone else?',
    'No connection for the last 40 minutes, what is going on?',
    'Is there an outage? Fibre not working',
  ],
};

export const fill = (template: string, order: number): string => template.replace('{order}', `A${100000 + order}`);
