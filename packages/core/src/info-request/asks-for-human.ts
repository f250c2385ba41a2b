/** Ways customers ask for a person, in Italian and English; matched on whole words, case-insensitively. */
const humanRequest =
  /\b(operatore|operatrice|parlare con (una persona|qualcuno|un umano|un operatore)|persona (vera|reale)|essere umano|agent|human|real person|representative|speak to (someone|a person))\b/i;

/** Whether the customer asked to talk to a person: the bot hands over at once. */
export const asksForHuman = (text: string): boolean => humanRequest.test(text);
