import { describe, expect, it } from 'vitest';
import { checkReportFile } from './check-report-file.js';

const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37]);
const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]);

describe('checkReportFile', () => {
  it('accepts PDF by content and DOCX by content and name', () => {
    expect(checkReportFile('bao-cao.bin', pdf)).toEqual({ ok: true, value: 'application/pdf' });
    expect(checkReportFile('Báo cáo.DOCX', zip).ok).toBe(true);
  });

  it('refuses a renamed file, an empty file and one over the limit', () => {
    const code = (r: ReturnType<typeof checkReportFile>) => (r.ok ? null : r.error.code);
    expect(code(checkReportFile('x.pdf', new TextEncoder().encode('hello')))).toBe(
      'unsupported_file_type',
    );
    expect(code(checkReportFile('x.zip', zip))).toBe('unsupported_file_type');
    expect(code(checkReportFile('x.pdf', new Uint8Array()))).toBe('file_empty');
    expect(code(checkReportFile('x.pdf', pdf, 4))).toBe('file_too_large');
  });
});
