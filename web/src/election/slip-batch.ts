// Phiếu mã bỏ phiếu — a batch of credential slips made in the organiser's browser (spec §6, §6.1): the
// printed codes stay on this page, only the public credentials go to the server.

import {
  type RandomSource,
  credentialFromSlip,
  generateSlip,
  parseSlip,
} from '../../../src/crypto/index.js';

/** The sheet id of the ballot listing every person voted on (ALL_SUBJECTS_SHEET in src/core). */
export const ALL_STYLE = 'all';

/** One printed slip: its code and its ballot style; nothing names a person. */
export interface Slip {
  readonly code: string;
  readonly style: string;
}

/** How many slips a ballot style needs. */
export interface StyleCount {
  readonly style: string;
  readonly count: number;
}

/** A batch: the slips to print, and the public credentials to register (POST …/election/credentials). */
export interface SlipBatch {
  readonly slips: readonly Slip[];
  readonly credentials: readonly { readonly credential: string; readonly style: string }[];
}

/**
 * One slip per person summoned, per ballot style, as POST …/credentials checks: a participant without
 * a style votes on the ballot of everyone ("all"). Styles keep the order they first appear in.
 */
export function slipCountsPerStyle(
  participants: readonly { readonly ballotStyleId: string | null }[],
): StyleCount[] {
  const counts = new Map<string, number>();
  for (const p of participants) {
    const style = p.ballotStyleId ?? ALL_STYLE;
    counts.set(style, (counts.get(style) ?? 0) + 1);
  }
  return [...counts].map(([style, count]) => ({ style, count }));
}

/** The slips to make, and the styles left out because they list nobody voted on. */
export interface SlipPlan {
  readonly counts: readonly StyleCount[];
  /** Styles with no person voted on, with how many participants they have: they get no slip. */
  readonly skipped: readonly StyleCount[];
}

/**
 * The slips per style (slipCountsPerStyle) for the styles of the election's manifest only: a style
 * that lists nobody voted on is not in the manifest (its persons were all excluded, or none was put
 * on it), so its participants have nothing to vote on and get no slip — as on paper, where no ballot
 * is printed for it. POST …/credentials expects exactly these counts.
 */
export function slipPlan(
  participants: readonly { readonly ballotStyleId: string | null }[],
  onBallot: ReadonlySet<string>,
): SlipPlan {
  const all = slipCountsPerStyle(participants);
  return {
    counts: all.filter((c) => onBallot.has(c.style)),
    skipped: all.filter((c) => !onBallot.has(c.style)),
  };
}

/**
 * Draws the slips of `counts` for the election with fingerprint F: each code's credential is
 * p = Hs(T_credential; F, seed) and only P = pG is listed. The credentials are sorted by P, so the
 * record's order says nothing about the printing order; a repeated P (chance 2^-128) is drawn again.
 */
export function makeSlipBatch(
  F: Uint8Array,
  counts: readonly StyleCount[],
  random: RandomSource,
): SlipBatch {
  const slips: Slip[] = [];
  const credentials: { credential: string; style: string }[] = [];
  const seen = new Set<string>();
  for (const { style, count } of counts) {
    if (!Number.isSafeInteger(count) || count < 0)
      throw new Error(`makeSlipBatch: count of ${style} must be a whole number ≥ 0, got ${count}`);
    let made = 0;
    while (made < count) {
      const code = generateSlip(random);
      const seed = parseSlip(code);
      if (!seed.ok) throw new Error(`makeSlipBatch: generated slip refused (${seed.error.code})`);
      const P = credentialFromSlip(F, seed.value).public.hex;
      if (seen.has(P)) continue;
      seen.add(P);
      slips.push({ code, style });
      credentials.push({ credential: P, style });
      made++;
    }
  }
  credentials.sort((a, b) =>
    a.credential < b.credential ? -1 : a.credential > b.credential ? 1 : 0,
  );
  return { slips, credentials };
}

/** The public credential (hex) of a typed or scanned code in the election F, or why it is refused. */
export function credentialOfCode(
  F: Uint8Array,
  code: string,
): { ok: true; credential: string } | { ok: false; error: 'slip_malformed' | 'slip_checksum' } {
  const seed = parseSlip(code);
  if (!seed.ok) return { ok: false, error: seed.error.code };
  return { ok: true, credential: credentialFromSlip(F, seed.value).public.hex };
}
