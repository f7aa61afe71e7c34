// The message tables: Vietnamese text is NFC, both languages have the same placeholders, formatting is Vietnamese.

import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { format } from './i18n.js';
import { vi, type MessageKey } from './vi.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message tables', () => {
  it('writes every Vietnamese message in NFC (precomposed diacritics)', () => {
    const decomposed = Object.entries(vi).filter(([, text]) => text !== text.normalize('NFC'));
    expect(decomposed).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const differ = (Object.keys(vi) as MessageKey[]).filter(
      (key) => placeholders(vi[key]).join() !== placeholders(en[key]).join(),
    );
    expect(differ).toEqual([]);
  });

  it('words quorum_not_met as the rule says it', () => {
    expect(vi['error.quorum_not_met']).toBe(
      'Chưa đủ số đại biểu có mặt theo quy định (ít nhất 2/3 số người được triệu tập).',
    );
  });

  it('formats counts the Vietnamese way: "1.142 ý kiến, 0 yêu cầu giải trình"', () => {
    expect(format('vi', 'questions.counts', { total: 1142, clarifications: 0 })).toBe(
      '1.142 ý kiến, 0 yêu cầu giải trình',
    );
    expect(format('en', 'questions.counts', { total: 1142, clarifications: 0 })).toBe(
      '1,142 comments, 0 requests for clarification',
    );
  });
});
