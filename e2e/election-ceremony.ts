// The counting committee's side of an electronic vote through the API, step by step (keys, deals,
// checks, acknowledgements, partial decryptions), for e2e tests that watch the organiser's panel
// while the trustee page is exercised elsewhere (spec §8–§9).

import {
  TAGS,
  type DkgCommitment,
  type Point,
  combineShares,
  credentialFromSecret,
  deal,
  elemFromHex,
  evalPolynomial,
  generateTrusteeKey,
  hexToBytes,
  partialDecrypt,
  receiveShare,
  signDigest,
  systemRandom,
} from '../src/crypto/index.js';
import type { TrusteeViewDto } from '../src/server/routes/election-schemas.js';
import type { Client } from '../test/server/harness.js';

const random = systemRandom;
type TrusteeKeyPair = ReturnType<typeof generateTrusteeKey>;

/** The committee's devices: each member's session and what their device keeps. */
export class Committee {
  private keys: TrusteeKeyPair[] = [];
  private deals: ReturnType<typeof deal>[] = [];
  private shares: bigint[] = [];
  private F = new Uint8Array();

  constructor(
    private readonly members: readonly Client[],
    private readonly C: string,
    private readonly threshold: number,
  ) {}

  private view(k: number): Promise<TrusteeViewDto> {
    return this.members[k]!.json<TrusteeViewDto>('GET', `${this.C}/trustee`);
  }

  /** §8.1: member k (0-based) posts their key. */
  async postKey(k: number): Promise<void> {
    if (this.F.length === 0) this.F = hexToBytes((await this.view(0)).fingerprint);
    const key = generateTrusteeKey(this.F, k + 1, random);
    this.keys[k] = key;
    await this.members[k]!.json('POST', `${this.C}/trustee/key`, key.published);
  }

  /** §8.2–§8.5 for every member, once all keys are in: deal, check, acknowledge. */
  async finish(): Promise<void> {
    const n = this.members.length;
    const keyMap = new Map<number, Point>(
      (await this.view(0)).trusteeKeys.map((k) => [k.trustee, elemFromHex(k.key)!.point]),
    );
    for (let k = 0; k < n; k++) {
      const dealt = deal(this.F, k + 1, this.threshold, keyMap, random);
      this.deals[k] = dealt;
      await this.members[k]!.json('POST', `${this.C}/trustee/commitment`, dealt.published);
    }
    for (let k = 0; k < n; k++) {
      const v = await this.view(k);
      const A = new Map(
        v.commitments.map((c: DkgCommitment) => [
          c.trustee,
          c.commitments.map((h) => elemFromHex(h)!.point),
        ]),
      );
      const mine = [evalPolynomial(this.deals[k]!.coefficients, k + 1)];
      for (const s of v.sharesForMe) {
        const r = receiveShare(this.F, s.from, s, this.keys[k]!.secret, A.get(s.from)!);
        if (!r.ok) throw new Error(`share from ${s.from} to ${k + 1} refused`);
        mine.push(r.value);
      }
      this.shares[k] = combineShares(mine);
      await this.members[k]!.json('POST', `${this.C}/trustee/check`, {
        trustee: k + 1,
        complaints: [],
      });
    }
    for (let k = 0; k < n; k++) {
      const v = await this.view(k);
      const signature = signDigest(
        this.F,
        credentialFromSecret(this.keys[k]!.secret),
        hexToBytes(v.keyStatement!.digest),
        random,
        TAGS.acknowledgement,
      );
      await this.members[k]!.json('POST', `${this.C}/trustee/acknowledgement`, {
        trustee: k + 1,
        signature,
      });
    }
  }

  /** §9: member k (0-based) posts their partial decryption of every total. */
  async decrypt(k: number): Promise<void> {
    const j = k + 1;
    const v = await this.view(k);
    const Xj = elemFromHex(v.keyStatement!.verificationKeys.find((x) => x.trustee === j)!.key)!;
    const partials = v.tally!.map((tp) => ({
      person: tp.person,
      ...partialDecrypt(this.F, j, tp.person, this.shares[k]!, Xj, elemFromHex(tp.alpha)!, random),
    }));
    await this.members[k]!.json('POST', `${this.C}/trustee/partial`, { trustee: j, partials });
  }
}
