// verifyRecord never throws on hostile input: any leaf replaced by any JSON value gives a failed check.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../crypto/index.js';
import { resealEvents } from './event-chain.js';
import type { ElectionRecord } from './record-types.js';
import { simulateElection } from './simulate-election.js';
import { verifyRecord } from './verify-record.js';

const record = await simulateElection({
  voters: 3,
  persons: 2,
  trustees: 2,
  threshold: 2,
  revotes: 1,
  audits: 1,
  random: seededRandom('verify-record-prop'),
});

/** Paths to every value (leaves and inner nodes) of the event bodies. */
function paths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  const here = path.length > 1 ? [path] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => paths(v, [...path, i]))];
  if (value && typeof value === 'object') {
    return [...here, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...path, k]))];
  }
  return here;
}
const all = record.events.flatMap((e, k) => paths(e.body, [k, 'body']));

const hostile = fc.oneof(
  fc.constant(null),
  fc.constant({}),
  fc.constant([]),
  fc.integer(),
  fc.string(),
  fc.constant('0'.repeat(64)),
  fc.constant('f'.repeat(128)),
  fc.constant(-1),
  fc.constant(2 ** 53),
);

describe('verifyRecord on hostile input', () => {
  it('reports a failed check instead of throwing, whatever value replaces whatever field', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: all.length - 1 }), hostile, async (i, value) => {
        const copy: ElectionRecord = structuredClone(record);
        const path = all[i]!;
        let cur = copy.events as unknown as Record<string | number, unknown>;
        for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
        const last = path[path.length - 1]!;
        if (JSON.stringify(cur[last]) === JSON.stringify(value)) return;
        cur[last] = value;
        let events;
        try {
          events = resealEvents(copy.events);
        } catch {
          events = copy.events; // a value canonical JSON refuses (2^53): the chain check must catch it
        }
        const checks = await verifyRecord({ ...copy, events }, { random: seededRandom('v') });
        expect(checks.some((c) => !c.ok)).toBe(true);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
