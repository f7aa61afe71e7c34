// Upload content checks: PDF, DOCX, XLSX by their bytes; renamed or truncated files are refused.

import { describe, expect, it } from 'vitest';
import { detectFileKind, zipEntryNames } from '../../src/server/http/file-type.js';
import { makeZip, minimalDocx, minimalPdf, minimalXlsx } from './sample-files.js';

describe('detectFileKind', () => {
  it('recognises a PDF, a DOCX, an XLSX and a UTF-8 CSV', () => {
    expect(detectFileKind(minimalPdf())).toBe('pdf');
    expect(detectFileKind(minimalDocx())).toBe('docx');
    expect(detectFileKind(minimalXlsx())).toBe('xlsx');
    expect(detectFileKind(new TextEncoder().encode('họ tên,chức vụ\nNguyễn Văn A,Bí thư\n'))).toBe(
      'csv',
    );
  });

  it('refuses a ZIP that is neither DOCX nor XLSX, a broken ZIP, binary junk and Latin-1 text', () => {
    expect(detectFileKind(makeZip([['a.txt', 'x']]))).toBeNull();
    expect(detectFileKind(minimalDocx().subarray(0, 40))).toBeNull();
    expect(detectFileKind(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]))).toBeNull();
    expect(detectFileKind(new Uint8Array([0x4e, 0x67, 0x75, 0x79, 0xea, 0x6e]))).toBeNull();
    expect(detectFileKind(new Uint8Array())).toBeNull();
  });

  it('lists the entries of a ZIP from its central directory', () => {
    expect(zipEntryNames(minimalDocx())).toContain('word/document.xml');
  });
});
