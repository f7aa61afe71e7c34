// Diacritic-insensitive search for Vietnamese names: "nguyen van" finds "Nguyễn Văn", "dang" finds "Đặng".

/**
 * A name folded for comparison: decomposed (NFD), combining marks removed, đ/Đ written d, lower case,
 * runs of spaces made one. "Nguyễn Văn Đoàn" → "nguyen van doan".
 */
export function foldVi(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether every word of the query appears, folded, in the text ("van nguyen" also finds "Nguyễn Văn"). */
export function matchesFolded(text: string, query: string): boolean {
  const words = foldVi(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const haystack = foldVi(text);
  return words.every((word) => haystack.includes(word));
}
