const isNumeric = (id: string): boolean => /^\d+$/.test(id);

/** X names a one-to-one DM conversation `<smaller id>-<larger id>` (numeric order). */
export const dmConversationId = (a: string, b: string): string => {
  const isAFirst = isNumeric(a) && isNumeric(b) ? BigInt(a) <= BigInt(b) : a <= b;
  return isAFirst ? `${a}-${b}` : `${b}-${a}`;
};
