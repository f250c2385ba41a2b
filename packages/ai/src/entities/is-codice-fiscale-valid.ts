// Values of a character in an odd position (1st, 3rd, …) for the check letter, per DM 23/12/1976.
const oddValues = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

const characterValue = (char: string, odd: boolean): number => {
  const code = char.charCodeAt(0);
  const index = code <= 57 ? code - 48 : code - 65;
  return odd ? (oddValues[index] as number) : index;
};

/** The Italian tax code's 16th character is a check letter over the first fifteen. */
export const isCodiceFiscaleValid = (code: string): boolean => {
  const upper = code.toUpperCase();
  if (!/^[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-EHLMPR-T][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/.test(upper))
    return false;
  let sum = 0;
  for (let i = 0; i < 15; i += 1) sum += characterValue(upper[i] as string, i % 2 === 0);
  return String.fromCharCode(65 + (sum % 26)) === upper[15];
};
