const currencyOf = (text: string): string | null => {
  const lower = text.toLowerCase();
  if (/€|eur/.test(lower)) return 'EUR';
  if (/\$|usd|dollar/.test(lower)) return 'USD';
  if (/£|gbp|pound|sterlin/.test(lower)) return 'GBP';
  return null;
};

/**
 * `€ 1.234,50` or `1,234.50 EUR` → `123450 EUR` (cents and ISO currency). A separator followed by
 * one or two final digits is the decimal one, whichever the locale; any other separator groups thousands.
 */
export const parseAmount = (text: string): string | null => {
  const currency = currencyOf(text);
  const number = text.match(/\d[\d.,'\u00a0 ]*/)?.[0]?.trim();
  if (currency === null || number === undefined) return null;
  const decimal = number.match(/[.,](\d{1,2})$/);
  const integerPart = decimal ? number.slice(0, -decimal[0].length) : number;
  const integer = Number(integerPart.replace(/\D/g, ''));
  const fraction = decimal ? Number((decimal[1] ?? '0').padEnd(2, '0')) : 0;
  if (!Number.isFinite(integer)) return null;
  return `${integer * 100 + fraction} ${currency}`;
};
