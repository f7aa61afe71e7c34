// `tinnhiem documents`: writes each document from the sample JSON; bad input exits 2 naming the field.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../command.js';
import { main } from '../main.js';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/documents/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'tinnhiem-cli-documents-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd: FIXTURES,
    env: {},
  };
  const code = await main(['documents', ...argv], io);
  return { code, stdout, stderr };
}

describe('tinnhiem documents', () => {
  it.each([
    ['ballot', 'sample-conference.json', 'ballot.pdf', '%PDF'],
    ['minutes', 'sample-conference.json', 'minutes.pdf', '%PDF'],
    ['minutes', 'sample-conference.json', 'minutes.docx', 'PK'],
    ['report', 'sample-conference.json', 'report.docx', 'PK'],
    ['aggregate', 'sample-round.json', 'aggregate.xlsx', 'PK'],
    ['aggregate', 'sample-round.json', 'aggregate.pdf', '%PDF'],
  ])('%s from %s → %s', async (kind, input, out, magic) => {
    const target = join(dir, out);
    const result = await run(kind, '--input', input, '--out', target);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readFileSync(target).subarray(0, magic.length).toString('latin1')).toBe(magic);
  });

  it('prints the public summary without --out', async () => {
    const result = await run('summary', '--input', 'sample-conference.json');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Kết quả, các chức danh được lấy phiếu tín nhiệm đều đạt tỷ lệ từ 90% trở lên “tín nhiệm cao” và “tín nhiệm”.',
    );
  });

  it('prints N copies of the ballot', async () => {
    const target = join(dir, 'copies.pdf');
    const result = await run(
      'ballot',
      '--input',
      'sample-conference.json',
      '--out',
      target,
      '--copies',
      '4',
    );
    expect(result.code).toBe(0);
    expect(
      readFileSync(target)
        .toString('latin1')
        .match(/\/Type \/Page\b/g),
    ).toHaveLength(4);
  });

  const broken = join(dir, 'broken.json');
  const sample = JSON.parse(readFileSync(join(FIXTURES, 'sample-conference.json'), 'utf8')) as {
    ballotStyles: { persons: { high: unknown }[] }[];
  };
  sample.ballotStyles[0]!.persons[1]!.high = 'many';
  writeFileSync(broken, JSON.stringify(sample));

  it.each([
    [['minutes', '--out', 'x.pdf'], 'usage', '--input FILE is required'],
    [['leaflet', '--input', 'a.json', '--out', 'x.pdf'], 'unknown_kind', 'leaflet'],
    [['minutes', '--input', 'missing.json', '--out', 'x.pdf'], 'file_not_found', 'missing.json'],
    [
      ['minutes', '--input', broken, '--out', join(dir, 'x.pdf')],
      'invalid_input',
      'ballotStyles[0].persons[1].high',
    ],
    [
      ['minutes', '--input', 'sample-44-persons.json', '--out', join(dir, 'x.pdf')],
      'results_missing',
      'ballotStyles[0].ballotsIssued',
    ],
    [
      ['minutes', '--input', 'sample-conference.json', '--out', 'x.xlsx', '--format', 'xlsx'],
      'unsupported_format',
      'minutes is made as pdf or docx',
    ],
    [
      ['ballot', '--input', 'sample-conference.json', '--out', 'x.pdf', '--copies', 'two'],
      'invalid_copies',
      '--copies',
    ],
    [
      ['ballot', '--input', 'sample-conference.json', '--out', 'x.pdf', '--style', 'nope'],
      'unknown_ballot_style',
      'nope',
    ],
    [
      ['aggregate', '--input', 'sample-conference.json', '--out', join(dir, 'x.xlsx')],
      'invalid_input',
      'title',
    ],
  ])('exits 2 on %j with [%s]', async (argv, code, mentioned) => {
    const result = await run(...argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^error \\[${code}\\]: `));
    expect(result.stderr).toContain(mentioned);
  });
});
