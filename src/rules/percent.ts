// Percentages on the rule's base, rounded exactly: two decimals, half-up, from the integer fraction.

/**
 * The percentage count/base in hundredths of a percent, rounded half-up from the exact fraction
 * (rules.md §6.4: 323/485 = 66.598… → 66.60; 393/480 = 81.875 → 81.88, where floats give 81.87).
 * round(count · 10000 / base) = ⌊(2 · count · 10000 + base) / (2 · base)⌋.
 */
export function percentHundredths(count: number, base: number): number {
  assertCount(count, 'count');
  assertCount(base, 'base');
  if (base === 0) throw new RangeError('percentHundredths: expected a base of at least 1, got 0');
  const numerator = 2n * BigInt(count) * 10_000n + BigInt(base);
  return Number(numerator / (2n * BigInt(base)));
}

/** The percentage as a string with exactly two decimals and a dot ("81.88"): the API's form. */
export function percentString(count: number, base: number): string {
  return hundredthsToString(percentHundredths(count, base), '.');
}

/** Vietnamese form with a decimal comma and the percent sign: "81,88%" (rules.md §6.4). */
export function formatPercentVi(count: number, base: number): string {
  return `${hundredthsToString(percentHundredths(count, base), ',')}%`;
}

/** English form: "81.88%". */
export function formatPercentEn(count: number, base: number): string {
  return `${percentString(count, base)}%`;
}

/** Writes hundredths as "I.FF" with the given decimal separator. */
export function hundredthsToString(hundredths: number, separator: ',' | '.'): string {
  const whole = Math.trunc(hundredths / 100);
  const fraction = String(hundredths % 100).padStart(2, '0');
  return `${whole}${separator}${fraction}`;
}

function assertCount(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`percent: expected ${name} to be a non-negative integer, got ${value}`);
  }
}
