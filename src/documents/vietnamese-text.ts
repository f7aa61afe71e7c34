// Vietnamese text for print: NFC everywhere, dates and times as administrative documents write them.

import { parseCalendarDate } from '../rules/index.js';

/**
 * The text in NFC. Decomposed input ("e" + U+0302 + U+0323) makes pdfkit place the marks apart from
 * the letter; the precomposed "ệ" has its own glyph in Tinos (architecture.md, PDF row).
 */
export function nfc(value: string): string {
  return value.normalize('NFC');
}

/** Every string inside a JSON-like value in NFC, keys included. */
export function normalizeDeep(value: unknown): unknown {
  if (typeof value === 'string') return nfc(value);
  if (Array.isArray(value)) return value.map(normalizeDeep);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [nfc(k), normalizeDeep(v)]),
    );
  }
  return value;
}

/**
 * Day, month and year as on a document's date line: "ngày 05 tháng 01 năm 2024", "ngày 29 tháng 9
 * năm 2023". Days below 10 and the months 1 and 2 take a leading zero (Nghị định 30/2020/NĐ-CP,
 * Phụ lục I, the same practice as Hướng dẫn 36-HD/VPTW for Party documents).
 */
export function formatDateVi(date: string): string {
  const { year, month, day } = parseCalendarDate(date);
  const dd = String(day).padStart(2, '0');
  const mm = month < 3 ? String(month).padStart(2, '0') : String(month);
  return `ngày ${dd} tháng ${mm} năm ${year}`;
}

/** A short date "29/9/2023" for tables. */
export function formatShortDateVi(date: string): string {
  const { year, month, day } = parseCalendarDate(date);
  return `${day}/${month}/${year}`;
}

/** "08:00" → "08 giờ 00 phút". */
export function formatTimeVi(time: string): string {
  const [hours = '', minutes = ''] = time.split(':');
  return `${hours} giờ ${minutes} phút`;
}

/** Upper case with Vietnamese letters kept ("Đảng" → "ĐẢNG"). */
export function upperVi(value: string): string {
  return nfc(value).toLocaleUpperCase('vi');
}

/** A count with leading zero below ten, as minutes write them ("03 phiếu"). */
export function twoDigits(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}
