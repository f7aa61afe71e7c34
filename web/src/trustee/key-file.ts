// Tệp phần khóa — the trustee's key file (issue 7 §1, §5): what the member saves or prints as a QR code
// at the end of the ceremony and loads again to decrypt. Made and read here only; never sent.

import {
  G,
  elemFromHex,
  mulSecret,
  scalarFromHex,
  scalarToHex,
} from '../../../src/crypto/index.js';
import type { TrusteeViewDto } from '../../../src/server/routes/election-schemas.js';

/** The format tag of a key file, version 1. */
export const KEY_FILE_FORMAT = 'tinnhiem-trustee-key/1';

/**
 * A trustee's key file: e_i (the key the shares were encrypted to, which signs) and x_j (the combined
 * share that decrypts), with what names the election and checks them on loading.
 */
export interface KeyFile {
  readonly format: typeof KEY_FILE_FORMAT;
  readonly conferenceId: string;
  readonly fingerprint: string;
  readonly trustee: number;
  /** e_i (spec §8.1), 64 hex. */
  readonly keySecret: string;
  /** x_j (spec §8.4), 64 hex. */
  readonly share: string;
  /** X_j = x_j G, 64 hex, as the key statement lists it. */
  readonly verificationKey: string;
}

/** Builds the key file from the ceremony's secrets. */
export function makeKeyFile(input: Omit<KeyFile, 'format' | 'share'> & { share: bigint }): KeyFile {
  return {
    format: KEY_FILE_FORMAT,
    conferenceId: input.conferenceId,
    fingerprint: input.fingerprint,
    trustee: input.trustee,
    keySecret: input.keySecret,
    share: scalarToHex(input.share),
    verificationKey: input.verificationKey,
  };
}

/** The file's text: indented JSON, so a careful member can see what it holds. */
export function keyFileText(file: KeyFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** What the QR code holds: the same JSON without spaces. */
export function keyFileQr(file: KeyFile): string {
  return JSON.stringify(file);
}

/**
 * The download's name: the trustee number and the fingerprint's start, no personal name; after a
 * restart (spec §8.6) the ceremony's number too, so the file of a dropped ceremony is told apart.
 */
export function keyFileName(file: Pick<KeyFile, 'trustee' | 'fingerprint'>, ceremony = 1): string {
  const round = ceremony > 1 ? `-lan-${ceremony}` : '';
  return `phan-khoa-thanh-vien-${file.trustee}-${file.fingerprint.slice(0, 8)}${round}.json`;
}

/** Why a loaded key file is refused (words in trustee-vi.ts under `error.<code>`). */
export type KeyFileProblem =
  | 'key_file_invalid'
  | 'key_file_other_election'
  | 'key_file_other_trustee'
  | 'key_file_wrong_share'
  | 'trustee_not_ready';

/**
 * Reads a key file (its text or the QR code's) and checks it against the election: same fingerprint,
 * same trustee, and x_j G equal to the X_j of the key statement.
 */
export function parseKeyFile(
  text: string,
  view: Pick<TrusteeViewDto, 'fingerprint' | 'trustee' | 'keyStatement'>,
): { ok: true; file: KeyFile; share: bigint } | { ok: false; error: KeyFileProblem } {
  let raw: Partial<KeyFile> | null;
  try {
    raw = JSON.parse(text.trim()) as Partial<KeyFile> | null;
  } catch {
    return { ok: false, error: 'key_file_invalid' };
  }
  const share = scalarFromHex(raw?.share);
  if (
    !raw ||
    raw.format !== KEY_FILE_FORMAT ||
    typeof raw.conferenceId !== 'string' ||
    typeof raw.fingerprint !== 'string' ||
    !Number.isSafeInteger(raw.trustee) ||
    scalarFromHex(raw.keySecret) === undefined ||
    share === undefined ||
    elemFromHex(raw.verificationKey) === undefined
  )
    return { ok: false, error: 'key_file_invalid' };
  if (raw.fingerprint !== view.fingerprint) return { ok: false, error: 'key_file_other_election' };
  if (raw.trustee !== view.trustee) return { ok: false, error: 'key_file_other_trustee' };
  const Xj = elemFromHex(
    view.keyStatement?.verificationKeys.find((v) => v.trustee === view.trustee)?.key,
  );
  if (!Xj) return { ok: false, error: 'trustee_not_ready' };
  if (!mulSecret(G, share).equals(Xj.point)) return { ok: false, error: 'key_file_wrong_share' };
  return { ok: true, file: raw as KeyFile, share };
}
