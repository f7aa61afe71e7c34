// Uploaded files are recognised by their content, never by their name or declared type (issue 8 §4).

/** The file kinds the API accepts. */
export type FileKind = 'pdf' | 'docx' | 'xlsx' | 'csv';

/** The MIME type each kind is stored and served with. */
export const FILE_MIME: Readonly<Record<FileKind, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** One entry of a ZIP's central directory: its name and its declared uncompressed size. */
export interface ZipEntry {
  readonly name: string;
  /** 0xFFFFFFFF means a ZIP64 size (larger than 4 GiB or not given here). */
  readonly size: number;
}

/**
 * The names in a ZIP archive's central directory, or null if it is not a well-formed ZIP. Reads only the
 * directory (no decompression), so a ZIP bomb costs nothing here.
 */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  return zipEntries(bytes)?.map((e) => e.name) ?? null;
}

/** The central directory's entries (names and declared sizes), or null if it is not a well-formed ZIP. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  if (bytes.length < 22 || !startsWith(bytes, ZIP_LOCAL)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  const names: ZipEntry[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: false });
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL_SIGNATURE)
      return null;
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    if (offset + 46 + nameLength > bytes.length) return null;
    names.push({
      name: decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      size: view.getUint32(offset + 24, true),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function isUtf8Text(bytes: Uint8Array): boolean {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    // No NUL or other C0 controls except tab, LF, CR: a CSV is text.
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * What the bytes are: PDF starts with `%PDF-`; DOCX and XLSX are ZIPs with `word/document.xml` and
 * `xl/workbook.xml`; CSV is UTF-8 text without control characters. null = none of these.
 */
export function detectFileKind(bytes: Uint8Array): FileKind | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, ZIP_LOCAL)) {
    const names = zipEntryNames(bytes);
    if (names === null) return null;
    if (names.includes('word/document.xml')) return 'docx';
    if (names.includes('xl/workbook.xml')) return 'xlsx';
    return null;
  }
  if (bytes.length > 0 && isUtf8Text(bytes)) return 'csv';
  return null;
}
