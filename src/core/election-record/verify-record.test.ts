import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../crypto/index.js';
import { resealEvents } from './event-chain.js';
import type {
  BallotBody,
  CheckName,
  CredentialsVoidedBody,
  ElectionRecord,
  EventType,
} from './record-types.js';
import { simulateElection } from './simulate-election.js';
import { verifyRecord } from './verify-record.js';

/**
 * A small record with every kind of event: a complaint, an audit, a replaced ballot, a slip voided for
 * paper, two styles.
 */
const record = await simulateElection({
  voters: 5,
  paperVoters: 1,
  persons: 2,
  trustees: 3,
  threshold: 2,
  revotes: 1,
  audits: 1,
  badDealer: 2,
  random: seededRandom('verify-record-test'),
});

const failing = async (r: unknown) =>
  (await verifyRecord(r, { random: seededRandom('verifier') }))
    .filter((c) => !c.ok)
    .map((c) => c.check);

/** Which checks may catch a change in an event of each type. */
const EXPECTED: Record<EventType, CheckName[]> = {
  manifest: ['manifest_valid', 'trustee_keys_valid'],
  trustee_key: ['trustee_keys_valid'],
  dkg_commitment: ['dkg_commitments_valid', 'election_key_valid'],
  dkg_complaint: ['dkg_complaints_valid', 'election_key_valid'],
  election_key: ['election_key_valid'],
  credentials: ['credentials_valid', 'ballots_well_formed'],
  credentials_voided: ['voided_credentials_unused'],
  voting_opened: [],
  ballot: ['ballots_well_formed', 'ballot_signatures_valid', 'ballot_proofs_valid'],
  audited_ballot: ['ballots_well_formed', 'audited_ballots_valid'],
  voting_closed: [],
  tally: ['replacement_policy_applied', 'tally_matches_ballots'],
  partial_decryption: ['partial_decryptions_valid'],
  result: ['result_matches_decryption'],
};

/** Every leaf of a JSON value with its path. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  }
  return [path];
}

/** A changed value of the same kind: hex stays hex, numbers move by one, text grows. */
function mutate(v: unknown): unknown {
  if (typeof v === 'number') return v + 7; // beyond every trustee number of the small record
  if (typeof v === 'string') {
    if (/^[0-9a-f]+$/.test(v) && v.length >= 32)
      return v.slice(0, -1) + (v.endsWith('0') ? '1' : '0');
    return `${v}x`;
  }
  if (typeof v === 'boolean') return !v;
  return 'x';
}

function setPath(obj: unknown, path: (string | number)[], f: (v: unknown) => unknown): void {
  let cur = obj as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  cur[last] = f(cur[last]);
}

/** One representative path per field kind (array indices generalised): the first and the last. */
function fieldKinds(): (string | number)[][] {
  const byKind = new Map<string, (string | number)[][]>();
  record.events.forEach((e, k) => {
    for (const p of leaves(e.body)) {
      const kind = `${e.type}.${p.map((x) => (typeof x === 'number' ? '*' : x)).join('.')}`;
      const list = byKind.get(kind) ?? [];
      list.push([k, ...p]);
      byKind.set(kind, list);
    }
  });
  return [...byKind.values()].flatMap((l) => (l.length > 1 ? [l[0]!, l[l.length - 1]!] : [l[0]!]));
}

describe('verifyRecord (spec §12)', () => {
  it('accepts the simulated record: every check passes', async () => {
    const checks = await verifyRecord(record);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    expect(checks.map((c) => c.check)).toHaveLength(17);
  });

  it('contains a complaint, an audit and a replaced ballot', () => {
    const types = record.events.map((e) => e.type);
    expect(types).toContain('dkg_complaint');
    expect(types).toContain('audited_ballot');
    expect(types).toContain('credentials_voided');
    expect(types.filter((t) => t === 'ballot').length).toBe(5);
  });

  it('names event_chain_valid when a body changes without resealing', async () => {
    for (const k of [0, 5, record.events.length - 1]) {
      const copy = structuredClone(record);
      copy.events[k]!.body = { ...(copy.events[k]!.body as object), extra: 1 };
      expect(await failing(copy)).toContain('event_chain_valid');
    }
  });

  it('mutation test: every field, changed and resealed, fails a named check', async () => {
    const kinds = fieldKinds();
    expect(kinds.length).toBeGreaterThan(60);
    const missed: string[] = [];
    for (const [k, ...path] of kinds) {
      const copy: ElectionRecord = structuredClone(record);
      setPath(copy.events[k as number]!.body, path, mutate);
      const resealed: ElectionRecord = { ...copy, events: resealEvents(copy.events) };
      const bad = await failing(resealed);
      const type = record.events[k as number]!.type;
      const want = EXPECTED[type];
      if (!want.some((c) => bad.includes(c))) {
        missed.push(
          `${type}.${path.join('.')}: failed [${bad.join(', ')}], expected one of [${want.join(', ')}]`,
        );
      }
    }
    expect(missed).toEqual([]);
  }, 120_000);

  it('rejects removed, reordered and foreign events', async () => {
    const types = (r: ElectionRecord) => resealEvents(r.events);
    const dropped = structuredClone(record);
    dropped.events = types({
      ...dropped,
      events: dropped.events.filter((e) => e.type !== 'voting_closed'),
    });
    expect(await failing(dropped)).toContain('record_well_formed');
    const late = structuredClone(record);
    const ballot = late.events.find((e) => e.type === 'ballot')!;
    const idx = late.events.findIndex((e) => e.type === 'voting_closed');
    late.events.splice(idx + 1, 0, ballot);
    late.events = resealEvents(late.events);
    expect(await failing(late)).toContain('record_well_formed');
    expect(await failing({ format: 'other', events: [] })).toContain('record_well_formed');
    expect(await failing(null)).toContain('record_well_formed');
  });

  it('names voided_credentials_unused when a voided slip also voted, or is voided twice', async () => {
    const voidIdx = record.events.findIndex((e) => e.type === 'credentials_voided');
    const voter = record.events.find((e) => e.type === 'ballot')!.body as BallotBody;
    const both = structuredClone(record);
    (both.events[voidIdx]!.body as CredentialsVoidedBody).credentials.push(voter.ballot.credential);
    both.events = resealEvents(both.events);
    expect(await failing(both)).toEqual(['voided_credentials_unused']);
    const twice = structuredClone(record);
    twice.events.splice(voidIdx, 0, structuredClone(twice.events[voidIdx]!));
    twice.events = resealEvents(twice.events);
    expect(await failing(twice)).toEqual(['voided_credentials_unused']);
  });

  it('a dropped ballot is caught by the tally even when the server reseals the chain', async () => {
    const copy = structuredClone(record);
    // the last ballot is never replaced
    const k = copy.events.findLastIndex((e) => e.type === 'ballot');
    copy.events.splice(k, 1);
    copy.events = resealEvents(copy.events);
    const bad = await failing(copy);
    expect(bad).toContain('replacement_policy_applied');
  });
});
