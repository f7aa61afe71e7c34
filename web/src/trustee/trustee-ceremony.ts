// The trustee's key ceremony as pure steps (issue 7 §1, spec §8): what this member does next, from the
// server's view and the private state kept on this device, and the crypto of each step. No I/O.

import {
  type DkgComplaint,
  type Point,
  type RandomSource,
  type TrusteeKey,
  TAGS,
  G,
  credentialFromSecret,
  deal,
  elemFromHex,
  evalPolynomial,
  generateTrusteeKey,
  hexToBytes,
  makeComplaint,
  mod,
  mulSecret,
  receiveShare,
  scalarFromHex,
  scalarToHex,
  signDigest,
} from '../../../src/crypto/index.js';
import type { TrusteeViewDto } from '../../../src/server/routes/election-schemas.js';

/** The commitment body as posted (spec §8.2). */
export type CommitmentBody = TrusteeViewDto['commitments'][number];

/** The check body as posted: the complaints, none when every share was good (spec §8.3). */
export interface CheckBody {
  readonly trustee: number;
  readonly complaints: DkgComplaint[];
}

/** The acknowledgement body as posted (spec §8.5). */
export interface AcknowledgementBody {
  readonly trustee: number;
  readonly signature: { R: string; s: string };
}

/**
 * What only this member's device holds during the ceremony: the key secret e_i, the polynomial's
 * coefficients, and every body as posted (kept so that a retry posts the very same bytes, which the
 * server answers as a replay). Hex strings only, so it is plain JSON.
 */
export interface CeremonyState {
  readonly conferenceId: string;
  readonly fingerprint: string;
  readonly trustee: number;
  /** The key ceremony these secrets belong to (spec §8.6); absent in states kept before restarts existed: 1. */
  readonly ceremony?: number;
  /** e_i, the trustee's encryption secret (spec §8.1). */
  readonly keySecret: string;
  readonly key: TrusteeKey;
  /** a_{i,0} … a_{i,t−1} (spec §8.2). */
  readonly coefficients?: readonly string[];
  readonly commitment?: CommitmentBody;
  readonly check?: CheckBody;
  /** Dealers whose share to me failed its check (a complaint was made about each). */
  readonly badDealers?: readonly number[];
  readonly acknowledgement?: AcknowledgementBody;
}

/** What the page does next for this member. */
export type CeremonyStep =
  | { readonly kind: 'post_key' }
  | { readonly kind: 'post_commitment' }
  | { readonly kind: 'post_check' }
  /** Save the key file (or print its QR code), then sign the ceremony digest. */
  | { readonly kind: 'keep_and_acknowledge' }
  | {
      readonly kind: 'wait';
      readonly for: 'keys' | 'commitments' | 'checks' | 'acknowledgements' | 'closing' | 'partials';
    }
  /** The member posted an earlier step from a device or tab that no longer holds the secret. */
  | { readonly kind: 'lost' }
  | { readonly kind: 'failed' }
  /** Voting is closed and tallied: load the key file to decrypt. */
  | { readonly kind: 'decrypt' }
  | { readonly kind: 'done' };

/** The subset of the trustee view the steps read. */
export type CeremonyView = Pick<
  TrusteeViewDto,
  | 'trustee'
  | 'trustees'
  | 'threshold'
  | 'status'
  | 'ceremony'
  | 'fingerprint'
  | 'posted'
  | 'trusteeKeys'
  | 'commitments'
  | 'sharesForMe'
  | 'keyStatement'
>;

/** The ceremony a kept state belongs to (states kept before restarts existed belong to the first). */
export const ceremonyOf = (state: Pick<CeremonyState, 'ceremony'>): number => state.ceremony ?? 1;

/**
 * Whether a kept state belongs to this view's election, trustee and key ceremony, and is the one whose
 * key and commitments were posted (another tab of the same member may have posted first: its secrets
 * are not these, and going on with these would only produce complaints the server refuses).
 */
export function stateFits(
  view: Pick<CeremonyView, 'fingerprint' | 'trustee'> &
    Partial<Pick<CeremonyView, 'ceremony' | 'trusteeKeys' | 'commitments'>>,
  state: CeremonyState | null,
): state is CeremonyState {
  if (state === null || state.fingerprint !== view.fingerprint || state.trustee !== view.trustee)
    return false;
  if (ceremonyOf(state) !== (view.ceremony ?? 1)) return false;
  const key = view.trusteeKeys?.find((k) => k.trustee === view.trustee);
  if (key && key.key !== state.key.key) return false;
  const dealt = view.commitments?.find((c) => c.trustee === view.trustee);
  return !dealt || !state.commitment || dealt.commitments[0] === state.commitment.commitments[0];
}

/**
 * Whether a kept state is of a key ceremony that was restarted since (spec §8.6): its secrets are void,
 * and the page drops them and takes part in the running ceremony from its first step.
 */
export function fromEarlierCeremony(
  view: Pick<CeremonyView, 'fingerprint' | 'trustee' | 'ceremony'>,
  state: CeremonyState | null,
): boolean {
  return (
    state !== null &&
    state.fingerprint === view.fingerprint &&
    state.trustee === view.trustee &&
    ceremonyOf(state) < view.ceremony
  );
}

/** The next step of this member, from where the election stands and what this device holds. */
export function nextStep(view: CeremonyView, state: CeremonyState | null): CeremonyStep {
  const mine = stateFits(view, state);
  switch (view.status) {
    case 'none':
    case 'keygen':
      return view.posted.key ? { kind: 'wait', for: 'keys' } : { kind: 'post_key' };
    case 'dealing':
      if (view.posted.commitment) return { kind: 'wait', for: 'commitments' };
      return mine ? { kind: 'post_commitment' } : { kind: 'lost' };
    case 'checking':
      if (view.posted.check) return { kind: 'wait', for: 'checks' };
      return mine && state.coefficients ? { kind: 'post_check' } : { kind: 'lost' };
    case 'acknowledging':
      if (view.posted.acknowledgement) return { kind: 'wait', for: 'acknowledgements' };
      return mine && state.coefficients ? { kind: 'keep_and_acknowledge' } : { kind: 'lost' };
    case 'failed':
      return { kind: 'failed' };
    case 'keyed':
    case 'registered':
    case 'voting':
      return { kind: 'wait', for: 'closing' };
    case 'closed':
      return view.posted.partial ? { kind: 'wait', for: 'partials' } : { kind: 'decrypt' };
    case 'decrypted':
      return { kind: 'done' };
  }
}

/** Step §8.1: draws the key pair E_i = e_i G and its proof; e_i stays in the returned state. */
export function startCeremony(
  view: Pick<CeremonyView, 'fingerprint' | 'trustee'> & Partial<Pick<CeremonyView, 'ceremony'>>,
  conferenceId: string,
  random: RandomSource,
): CeremonyState {
  const { secret, published } = generateTrusteeKey(
    hexToBytes(view.fingerprint),
    view.trustee,
    random,
  );
  return {
    conferenceId,
    fingerprint: view.fingerprint,
    trustee: view.trustee,
    ceremony: view.ceremony ?? 1,
    keySecret: scalarToHex(secret),
    key: published,
  };
}

/** Step §8.2: a polynomial of degree t−1, its commitments and proofs, a share encrypted to each other trustee. */
export function dealShares(
  view: Pick<CeremonyView, 'fingerprint' | 'threshold' | 'trusteeKeys'>,
  state: CeremonyState,
  random: RandomSource,
): CeremonyState {
  if (state.commitment && state.coefficients) return state;
  const keys = new Map<number, Point>();
  for (const k of view.trusteeKeys) {
    const E = elemFromHex(k.key);
    if (!E) throw new Error(`dealShares: trustee ${k.trustee}'s key is not a point`);
    keys.set(k.trustee, E.point);
  }
  const dealt = deal(hexToBytes(view.fingerprint), state.trustee, view.threshold, keys, random);
  return {
    ...state,
    coefficients: dealt.coefficients.map(scalarToHex),
    commitment: dealt.published,
  };
}

const commitmentsOf = (view: Pick<CeremonyView, 'commitments'>) =>
  new Map(
    view.commitments.map((c) => [
      c.trustee,
      c.commitments.map((h) => {
        const A = elemFromHex(h);
        if (!A) throw new Error(`trustee ${c.trustee}'s commitment is not a point`);
        return A.point;
      }),
    ]),
  );

const secretOf = (state: CeremonyState): bigint => {
  const e = scalarFromHex(state.keySecret);
  if (e === undefined) throw new Error('the kept key secret is not a scalar');
  return e;
};

/**
 * Step §8.3: opens each share addressed to me and checks it against its dealer's commitments; a bad
 * share gets a complaint revealing K = e_j R with its proof, so anyone can judge it.
 */
export function checkShares(
  view: Pick<
    CeremonyView,
    'fingerprint' | 'trustee' | 'commitments' | 'sharesForMe' | 'trusteeKeys'
  >,
  state: CeremonyState,
  random: RandomSource,
): CeremonyState {
  if (state.check) return state;
  const F = hexToBytes(view.fingerprint);
  const e = secretOf(state);
  const A = commitmentsOf(view);
  const mine = elemFromHex(view.trusteeKeys.find((k) => k.trustee === view.trustee)?.key);
  if (!mine) throw new Error('checkShares: my key is not in the view');
  const complaints: DkgComplaint[] = [];
  const bad: number[] = [];
  for (const s of view.sharesForMe) {
    const commitments = A.get(s.from);
    const opened = commitments ? receiveShare(F, s.from, s, e, commitments) : null;
    if (opened?.ok) continue;
    bad.push(s.from);
    complaints.push(makeComplaint(F, s.from, s, e, mine, random));
  }
  return { ...state, check: { trustee: view.trustee, complaints }, badDealers: bad };
}

/** Why the combined share cannot be made. */
export type ShareProblem = 'trustee_not_ready' | 'trustee_share_mismatch';

/**
 * x_j = Σ_{i∈QUAL} s_{i,j} (spec §8.4), my own s_{j,j} = f_j(j) included, checked against the
 * verification key X_j the server derived from the commitments: x_j G = X_j.
 */
export function combinedShare(
  view: Pick<
    CeremonyView,
    'fingerprint' | 'trustee' | 'commitments' | 'sharesForMe' | 'keyStatement'
  >,
  state: CeremonyState,
): { ok: true; share: bigint; verificationKey: string } | { ok: false; error: ShareProblem } {
  const statement = view.keyStatement;
  if (!statement || !state.coefficients) return { ok: false, error: 'trustee_not_ready' };
  const F = hexToBytes(view.fingerprint);
  const e = secretOf(state);
  const A = commitmentsOf(view);
  const j = view.trustee;
  let x = 0n;
  for (const i of statement.qualified) {
    if (i === j) {
      x += evalPolynomial(
        state.coefficients.map((a) => scalarFromHex(a)!),
        j,
      );
      continue;
    }
    const s = view.sharesForMe.find((x) => x.from === i);
    const commitments = A.get(i);
    const opened = s && commitments ? receiveShare(F, i, s, e, commitments) : null;
    if (!opened?.ok) return { ok: false, error: 'trustee_share_mismatch' };
    x += opened.value;
  }
  x = mod(x);
  const Xj = statement.verificationKeys.find((v) => v.trustee === j)?.key;
  const X = elemFromHex(Xj);
  if (!X || !mulSecret(G, x).equals(X.point)) return { ok: false, error: 'trustee_share_mismatch' };
  return { ok: true, share: x, verificationKey: X.hex };
}

/** Step §8.5: signs the key ceremony digest with e_i (the key the others encrypted to). */
export function acknowledge(
  view: Pick<CeremonyView, 'fingerprint' | 'keyStatement'>,
  state: CeremonyState,
  random: RandomSource,
): CeremonyState {
  if (state.acknowledgement) return state;
  if (!view.keyStatement) throw new Error('acknowledge: there is no key statement yet');
  const signature = signDigest(
    hexToBytes(view.fingerprint),
    credentialFromSecret(secretOf(state)),
    hexToBytes(view.keyStatement.digest),
    random,
    TAGS.acknowledgement,
  );
  return { ...state, acknowledgement: { trustee: state.trustee, signature } };
}

/** The kept state as text, for sessionStorage (this tab only, cleared once the key file is kept). */
export function encodeState(state: CeremonyState): string {
  return JSON.stringify(state);
}

/** The kept state from text; null when absent, malformed or of another conference. */
export function decodeState(text: string | null, conferenceId: string): CeremonyState | null {
  if (text === null) return null;
  try {
    const s = JSON.parse(text) as Partial<CeremonyState> | null;
    if (
      !s ||
      s.conferenceId !== conferenceId ||
      typeof s.fingerprint !== 'string' ||
      !Number.isSafeInteger(s.trustee) ||
      (s.ceremony !== undefined && !Number.isSafeInteger(s.ceremony)) ||
      scalarFromHex(s.keySecret) === undefined ||
      typeof s.key !== 'object'
    )
      return null;
    return s as CeremonyState;
  } catch {
    return null;
  }
}
