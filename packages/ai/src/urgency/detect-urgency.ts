import type { UrgencyCue } from '@ascolta/core';

// Phrases on folded text (lower case, no accents). Each cue lists it, en, es, fr, de, pt in that order.
const cuePatterns: Readonly<Record<UrgencyCue, RegExp>> = {
  outage:
    /\b(non funziona(no)?|down|disservizio|blackout|senza (luce|gas|acqua|linea|rete|internet|campo)|nessun segnale|zero campo|fuori servizio|outage|not working|no (signal|service|power|internet)|power cut|is (it )?down|no funciona|sin (luz|servicio|conexion)|en panne|ne fonctionne pas|coupure|funktioniert nicht|ausfall|stromausfall|nao funciona|sem (luz|sinal|internet)|fora do ar)\b/,
  'legal-threat':
    /\b(avvocat[oi]|denunci[ao]|vi denuncio|querela|vi faccio causa|class action|agcom|agcm|codacons|lawyer|solicitor|sue|suing|legal action|court|ombudsman|trading standards|abogado|denuncia|demanda|avocat|plainte|tribunal|anwalt|klage|verbraucherzentrale|advogado|processo|procon)\b/,
  'churn-threat':
    /\b(passo (a|ad) (un )?altr[oa]|cambio (operatore|banca|gestore|fornitore)|disdico|vi lascio|mai piu|ultima volta che|switching to|leaving you|cancel(ling)? my (account|contract|subscription)|never (ordering|buying|using) (again|from)|done with you|taking my business|me cambio|me voy a|darme de baja|je resilie|je change d'operateur|ich kundige|wechsle (zu|den)|vou cancelar|vou mudar)\b/,
  safety:
    /\b(fuga di gas|odore di gas|perdita di gas|incendio|fumo|pericolos[oa]|cavi? scopert[oi]|folgorat|gas (leak|smell)|smell of gas|fire|smoke|dangerous|exposed wires?|electrocut|injur(ed|y)|stanno male|sta male|fainting|fuga de gas|incendie|gasleck|brand|gefahrlich|vazamento de gas|perigoso)\b/,
};

const fold = (text: string): string =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '');

/** The urgency cues a post states in so many words; a priority rule weighs them. */
export const detectUrgency = (text: string): UrgencyCue[] => {
  const folded = fold(text);
  return (Object.keys(cuePatterns) as UrgencyCue[]).filter((cue) => cuePatterns[cue].test(folded));
};
