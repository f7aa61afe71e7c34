// Drives an election through the API up to open voting (key ceremony by the committee's trustees,
// credentials registered) for the bench, the booth e2e and the server tests; the refusals are tested in
// electronic-flow.test.ts.

import {
  TAGS,
  combineShares,
  type Credential,
  type DkgCommitment,
  type Point,
  credentialFromSecret,
  credentialFromSlip,
  type ElectionContext,
  deal,
  elemFromHex,
  evalPolynomial,
  generateCredential,
  generateSlip,
  hexToBytes,
  parseSlip,
  receiveShare,
  signDigest,
  systemRandom,
} from '../../src/crypto/index.js';
import type { BoothInfoDto, TrusteeViewDto } from '../../src/server/routes/election-schemas.js';
import { generateTrusteeKey } from '../../src/crypto/index.js';
import type { ElectronicWorld } from './electronic-world.js';
import { Client, sessionClient, type TestApp } from './harness.js';

/** An election open for voting, with each voter's slip and credential. */
export interface OpenElection {
  readonly C: string;
  readonly P: string;
  readonly anon: Client;
  readonly org: Client;
  readonly voters: readonly { slip: string; cred: Credential; style: string }[];
  /** The trustees' sessions, trustee i = trustees[i−1]. */
  readonly trustees: readonly Client[];
  /** The election fingerprint F. */
  readonly F: Uint8Array;
  /** Each trustee's combined secret share x_j (spec §8.4), as their device would keep it. */
  readonly secretShares: readonly bigint[];
}

/** Runs the ceremony (5 trustees, threshold 3), registers one slip per participant, opens voting. */
export async function openElection(t: TestApp, w: ElectronicWorld): Promise<OpenElection> {
  const random = systemRandom;
  const org = await sessionClient(t, w.organiser);
  const C = `/api/conferences/${w.conferenceId}/election`;
  const P = `/api/public/conferences/${w.conferenceId}/election`;
  await org.json('POST', C, {}, 201);
  const { trustees, F, secretShares } = await runCeremony(t, w);
  // Slips as the organiser's device makes them (spec §6.1): the server gets only P.
  const voters = w.participants.map((p) => {
    const slip = generateSlip(random);
    const seed = parseSlip(slip);
    if (!seed.ok) throw new Error('slip');
    return { slip, cred: credentialFromSlip(F, seed.value), style: p.style };
  });
  await org.json('POST', `${C}/credentials`, {
    credentials: voters.map((v) => ({ credential: v.cred.public.hex, style: v.style })),
  });
  await org.json('POST', `${C}/open`, { open: true });
  return { C, P, anon: new Client(t), org, voters, trustees, F, secretShares };
}

/**
 * Runs the key ceremony of an election just created, every committee member of `w` a trustee, no
 * complaint, up to the election key (status keyed).
 */
export async function runCeremony(
  t: TestApp,
  w: ElectronicWorld,
): Promise<Pick<OpenElection, 'trustees' | 'F' | 'secretShares'>> {
  const random = systemRandom;
  const trustees = await Promise.all(w.trustees.map((u) => sessionClient(t, u)));
  const C = `/api/conferences/${w.conferenceId}/election`;
  const view = () => trustees[0]!.json<TrusteeViewDto>('GET', `${C}/trustee`);
  const first = await view();
  const F = hexToBytes(first.fingerprint);
  const numbers = trustees.map((_, k) => k + 1);
  const keys = numbers.map((i) => generateTrusteeKey(F, i, random));
  for (const [k, key] of keys.entries())
    await trustees[k]!.json('POST', `${C}/trustee/key`, key.published);
  const keyMap = new Map<number, Point>(
    (await view()).trusteeKeys.map((k) => [k.trustee, elemFromHex(k.key)!.point]),
  );
  const deals = numbers.map((i) => deal(F, i, first.threshold, keyMap, random));
  for (const [k, d] of deals.entries())
    await trustees[k]!.json('POST', `${C}/trustee/commitment`, d.published);
  const secretShares: bigint[] = [];
  for (const [k, client] of trustees.entries()) {
    const v = await client.json<TrusteeViewDto>('GET', `${C}/trustee`);
    const A = new Map(
      v.commitments.map((c: DkgCommitment) => [
        c.trustee,
        c.commitments.map((h) => elemFromHex(h)!.point),
      ]),
    );
    const mine = [evalPolynomial(deals[k]!.coefficients, k + 1)];
    for (const s of v.sharesForMe) {
      const r = receiveShare(F, s.from, s, keys[k]!.secret, A.get(s.from)!);
      if (!r.ok) throw new Error('bad share');
      mine.push(r.value);
    }
    secretShares.push(combineShares(mine));
    await client.json('POST', `${C}/trustee/check`, { trustee: k + 1, complaints: [] });
  }
  for (const [k, client] of trustees.entries()) {
    const v = await client.json<TrusteeViewDto>('GET', `${C}/trustee`);
    const signature = signDigest(
      F,
      credentialFromSecret(keys[k]!.secret),
      hexToBytes(v.keyStatement!.digest),
      random,
      TAGS.acknowledgement,
    );
    await client.json('POST', `${C}/trustee/acknowledgement`, { trustee: k + 1, signature });
  }
  return { trustees, F, secretShares };
}

/**
 * Once the election is keyed: registers one credential per participant of `w` (drawn here, so the test
 * holds each private part), opens voting and reads the booth, as the API tests that cast need it.
 */
export async function openVotingWithCredentials(org: Client, w: ElectronicWorld) {
  const C = `/api/conferences/${w.conferenceId}/election`;
  const P = `/api/public/conferences/${w.conferenceId}/election`;
  const creds = w.participants.map((p) => ({
    cred: generateCredential(systemRandom),
    style: p.style,
  }));
  await org.json('POST', `${C}/credentials`, {
    credentials: creds.map((c) => ({ credential: c.cred.public.hex, style: c.style })),
  });
  await org.json('POST', `${C}/open`, { open: true });
  const booth = await org.json<BoothInfoDto>('GET', `${P}/booth`);
  const ctx: ElectionContext = {
    F: hexToBytes(booth.fingerprint),
    Y: elemFromHex(booth.publicKey)!,
    base: BigInt(booth.base),
  };
  return { creds, booth, ctx };
}
