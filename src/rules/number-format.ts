// Vietnamese number formatting: "." groups thousands, "," separates decimals (1.234; 81,88%).

/** Writes a whole number with Vietnamese grouping: 10000000 → "10.000.000". */
export function formatIntegerVi(value: number): string {
  const sign = value < 0 ? '-' : '';
  return sign + String(Math.abs(Math.trunc(value))).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** Writes a whole number with English grouping: 10000000 → "10,000,000". */
export function formatIntegerEn(value: number): string {
  const sign = value < 0 ? '-' : '';
  return sign + String(Math.abs(Math.trunc(value))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
