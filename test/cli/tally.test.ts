import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'tinnhiem-tally-'));
function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const contract = {
  rules: 'nq96-2023',
  ballotsIssued: 481,
  ballotsCollected: 481,
  totalMembers: 499,
  persons: [
    { name: 'Vương Đình Huệ', position: 'Chủ tịch Quốc hội', high: 437, confidence: 32, low: 11 },
  ],
};

describe('tinnhiem tally', () => {
  it('prints exactly the JSON contract', async () => {
    const run = await runCli(['tally', '--input', file('ok.json', contract), '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      rules: 'nq96-2023',
      base: { kind: 'ballotsCollected', value: 481 },
      persons: [
        {
          name: 'Vương Đình Huệ',
          position: 'Chủ tịch Quốc hội',
          high: { count: 437, percent: '90.85' },
          confidence: { count: 32, percent: '6.65' },
          low: { count: 11, percent: '2.29' },
          validLines: 480,
          invalidLines: 1,
          outcome: 'none',
        },
      ],
    });
  });

  it('prints a Vietnamese table by default, and an English one on request', async () => {
    const path = file('table.json', contract);
    const vi = await runCli(['tally', '--input', path]);
    expect(vi.code).toBe(0);
    expect(vi.stdout).toContain('Tín nhiệm thấp');
    expect(vi.stdout).toContain('437 (90,85%)');
    expect(vi.stdout).toContain('Tỷ lệ tính trên tổng số phiếu thu về (481)');
    const en = await runCli(['tally', '--input', path, '--lang', 'en']);
    expect(en.stdout).toContain('437 (90.85%)');
  });

  it('reads CSV with the conference figures as flags', async () => {
    const csv = file(
      'ok.csv',
      'name,position,high,confidence,low\r\n"Nguyễn Thị Kim Ngân","Chủ tịch Quốc hội, khóa XIV",437,34,4\r\n',
    );
    const run = await runCli([
      'tally',
      '--input',
      csv,
      '--rules',
      'nq85-2014',
      '--issued',
      '475',
      '--collected',
      '475',
      '--members',
      '485',
      '--json',
    ]);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as {
      base: unknown;
      persons: { high: unknown; position: string }[];
    };
    expect(out.base).toEqual({ kind: 'totalMembers', value: 485 });
    expect(out.persons[0]?.high).toEqual({ count: 437, percent: '90.10' });
    expect(out.persons[0]?.position).toBe('Chủ tịch Quốc hội, khóa XIV');
  });

  it.each([
    [
      'a missing count',
      { ...contract, persons: [{ name: 'A', position: '', high: 1, confidence: 2 }] },
      'invalid_count',
      'persons[0].low',
    ],
    ['a negative count', { ...contract, ballotsIssued: -5 }, 'invalid_count', 'ballotsIssued'],
    [
      'counts over ballots collected',
      { ...contract, persons: [{ name: 'A', position: '', high: 400, confidence: 80, low: 2 }] },
      'counts_exceed_collected',
      'persons[0]',
    ],
    [
      'more collected than issued',
      { ...contract, ballotsCollected: 482 },
      'collected_exceeds_issued',
      'ballotsCollected',
    ],
    ['an unknown rule id', { ...contract, rules: 'qd262-2014' }, 'unknown_rule_set', 'rules'],
    [
      'no total members under NQ 85/2014',
      { ...contract, rules: 'nq85-2014', totalMembers: undefined },
      'missing_total_members',
      'totalMembers',
    ],
  ])(
    'exits 2 on %s, naming the field, with nothing on stdout',
    async (_what, input, code, field) => {
      const run = await runCli(['tally', '--input', file(`bad-${code}.json`, input), '--json']);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(`[${code}]`);
      expect(run.stderr).toContain(field);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    },
  );

  it('exits 2 on a malformed CSV row and names the line', async () => {
    const csv = file('bad.csv', 'name,position,high,confidence,low\nA,B,1,2,3\nC,D,1,x,3\n');
    const run = await runCli([
      'tally',
      '--input',
      csv,
      '--rules',
      'qd96-2023',
      '--issued',
      '10',
      '--collected',
      '10',
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/\[malformed_csv\]: CSV line 3: column "confidence"/);
  });

  it('exits 2 on a file that is not there', async () => {
    const run = await runCli(['tally', '--input', join(dir, 'missing.json')]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('[file_not_found]');
  });

  it('exits 2 when CSV figures are missing', async () => {
    const csv = file('nofig.csv', 'name,position,high,confidence,low\n');
    const run = await runCli(['tally', '--input', csv, '--rules', 'qd96-2023']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--issued');
  });
});
