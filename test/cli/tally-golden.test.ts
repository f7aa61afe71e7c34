// Golden test: `tinnhiem tally` reproduces every percentage the press published for the 2018
// National Assembly vote (test/fixtures/sample-results.json, copied from shared/domain).

import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

interface SampleEvent {
  date: string;
  rule: string;
  ballots_issued: number;
  ballots_collected: number;
  base_count: { value: number };
  persons: {
    name: string;
    position: string;
    high: number;
    confidence: number;
    low: number;
    published_pct: Record<'high' | 'confidence' | 'low', number | null>;
  }[];
}

const events = JSON.parse(
  readFileSync(new URL('../fixtures/sample-results.json', import.meta.url), 'utf8'),
) as SampleEvent[];

/** "66.6" (as printed, trailing zero dropped) → 6660 hundredths, without float arithmetic. */
function printedHundredths(value: number): number {
  const [whole = '0', fraction = ''] = String(value).split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

describe('tally golden: 2018 National Assembly (NQ 85/2014, base = 485 deputies)', () => {
  const event = events.find((e) => e.date === '2018-10-25');
  if (!event) throw new Error('fixture: the 2018 event is missing');

  it('reproduces every published percentage', async () => {
    const input = {
      rules: 'nq85-2014',
      ballotsIssued: event.ballots_issued,
      ballotsCollected: event.ballots_collected,
      totalMembers: event.base_count.value,
      persons: event.persons.map(({ name, position, high, confidence, low }) => ({
        name,
        position,
        high,
        confidence,
        low,
      })),
    };
    const path = join(mkdtempSync(join(tmpdir(), 'tinnhiem-golden-')), 'na2018.json');
    writeFileSync(path, JSON.stringify(input));
    const run = await runCli(['tally', '--input', path, '--json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as {
      base: { kind: string; value: number };
      persons: Record<'high' | 'confidence' | 'low', { percent: string }>[];
    };
    expect(out.base).toEqual({ kind: 'totalMembers', value: 485 });
    let compared = 0;
    event.persons.forEach((person, index) => {
      for (const level of ['high', 'confidence', 'low'] as const) {
        const published = person.published_pct[level];
        if (published === null) continue;
        const ours = out.persons[index]?.[level].percent ?? '';
        expect(Number(ours.replace('.', '')), `${person.name} ${level}`).toBe(
          printedHundredths(published),
        );
        compared++;
      }
    });
    expect(compared).toBeGreaterThanOrEqual(45);
  });
});
