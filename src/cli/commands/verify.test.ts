// `tinnhiem simulate` then `tinnhiem verify`: exit codes 0 / 1 / 2, table and JSON output, determinism.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resealEvents } from '../../core/election-record/index.js';
import type { CliIo } from '../command.js';
import { main } from '../main.js';

const dir = mkdtempSync(join(tmpdir(), 'tinnhiem-cli-verify-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd: dir,
    env: {},
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

const SIM = ['simulate', '--voters', '6', '--persons', '3', '--trustees', '3', '--seed', 'cli'];

describe('tinnhiem simulate + verify', () => {
  beforeAll(async () => {
    expect((await run(...SIM, '--out', 'a')).code).toBe(0);
  }, 60_000);

  it('simulate is deterministic from the seed, whatever the number of threads', async () => {
    const again = await run(...SIM, '--out', 'b', '--workers', '0');
    expect(again.code).toBe(0);
    expect(readFileSync(join(dir, 'b', 'record.json'), 'utf8')).toBe(
      readFileSync(join(dir, 'a', 'record.json'), 'utf8'),
    );
    expect(again.stdout).toMatch(/6 voters × 3 persons, 2 of 3 trustees/);
  }, 60_000);

  it('verify prints every check and exits 0 on a valid record (in-thread and with workers)', async () => {
    const r = await run('verify', 'a/record.json', '--workers', '0');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ballot_proofs_valid\s+✓/);
    expect(r.stdout).toMatch(/record valid: 17 checks passed/);
    const w = await run('verify', 'a/record.json', '--workers', '2', '--json');
    expect(w.code).toBe(0);
    const json = JSON.parse(w.stdout) as { ok: boolean; checks: { check: string; ok: boolean }[] };
    expect(json.ok).toBe(true);
    expect(json.checks).toHaveLength(17);
  }, 60_000);

  it('exits 1 and names the check when a result is altered', async () => {
    const record = JSON.parse(readFileSync(join(dir, 'a', 'record.json'), 'utf8')) as {
      events: { type: string; body: { persons: { high: number; low: number }[] } }[];
    };
    const result = record.events[record.events.length - 1]!.body.persons[0]!;
    result.high += 1;
    result.low -= 1;
    writeFileSync(
      join(dir, 'bad.json'),
      JSON.stringify({ ...record, events: resealEvents(record.events as never) }),
    );
    const r = await run('verify', 'bad.json', '--json', '--workers', '0');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { ok: boolean; checks: { check: string; ok: boolean }[] };
    expect(json.checks.filter((c) => !c.ok).map((c) => c.check)).toEqual([
      'result_matches_decryption',
    ]);
  }, 60_000);

  it('exits 2 with a clear message for unreadable input and bad usage', async () => {
    const missing = await run('verify', 'nope.json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/record_unreadable.*file not found/);
    writeFileSync(join(dir, 'junk.json'), '{not json');
    expect((await run('verify', 'junk.json')).stderr).toMatch(/record_unreadable/);
    expect((await run('verify')).code).toBe(2);
    expect(
      (
        await run(
          'simulate',
          '--voters',
          '0',
          '--persons',
          '1',
          '--trustees',
          '1',
          '--seed',
          's',
          '--out',
          'x',
        )
      ).code,
    ).toBe(2);
    expect(
      (
        await run(
          'simulate',
          '--voters',
          '2',
          '--persons',
          '1',
          '--trustees',
          '3',
          '--threshold',
          '4',
          '--seed',
          's',
          '--out',
          'x',
        )
      ).code,
    ).toBe(2);
  });

  it('a record that is valid JSON but not a record fails record_well_formed with exit 1', async () => {
    writeFileSync(join(dir, 'empty.json'), '{}');
    const r = await run('verify', 'empty.json', '--json');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/record_well_formed/);
  });
});
