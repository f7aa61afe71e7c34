// API schemas of electronic voting (issue 7; /work/notes/electronic-api.md). Record bodies follow
// spec/protocol.md §11.2; they are checked here for shape only, the crypto checks run in the handlers.

import { z } from 'zod';

/** A point or scalar, 32 bytes in lowercase hex (spec §2.2). */
export const HEX64 = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex characters');
/** A proof commitment, 64 bytes in lowercase hex (spec §2.2). */
export const HEX128 = z.string().regex(/^[0-9a-f]{128}$/, 'expected 128 lowercase hex characters');
const TRUSTEE = z.number().int().min(1).max(1000);
const ID_TEXT = z.string().min(1).max(64);

const SCHNORR = z.strictObject({ R: HEX128, s: HEX64 });
const CHAUM_PEDERSEN = z.strictObject({ P: HEX128, Q: HEX128, s: HEX64 });

/** A signature (spec §5.4). */
export const SIGNATURE = z.strictObject({ R: HEX128, s: HEX64 }).meta({ id: 'ElectionSignature' });

/** A ballot in wire form (spec §7.2); unknown fields are refused, since the signature covers them. */
export const BALLOT = z
  .strictObject({
    credential: HEX64,
    style: ID_TEXT,
    lines: z
      .array(
        z.strictObject({
          person: ID_TEXT,
          alpha: HEX64,
          beta: HEX64,
          proof: z.strictObject({
            a: z.array(HEX128).length(4),
            b: z.array(HEX128).length(4),
            c: z.array(HEX64).length(4),
            z: z.array(HEX64).length(4),
          }),
        }),
      )
      .min(1)
      .max(500),
    signature: SIGNATURE.optional(),
  })
  .meta({ id: 'Ballot' });

/** A Benaloh opening of one line (spec §7.5). */
export const LINE_OPENING = z.strictObject({
  choice: z.enum(['blank', 'high', 'confidence', 'low']),
  r: HEX64,
});

/** Trustee i's key with its proof (spec §8.1). */
export const TRUSTEE_KEY = z
  .strictObject({ trustee: TRUSTEE, key: HEX64, proof: SCHNORR })
  .meta({ id: 'TrusteeKey' });

/** Trustee i's commitments, proofs and encrypted shares (spec §8.2). */
export const DKG_COMMITMENT = z
  .strictObject({
    trustee: TRUSTEE,
    commitments: z.array(HEX64).min(1).max(1000),
    proofs: z.array(SCHNORR).min(1).max(1000),
    shares: z.array(z.strictObject({ to: TRUSTEE, R: HEX64, ct: HEX64, mac: HEX64 })).max(1000),
  })
  .meta({ id: 'DkgCommitment' });

/** A complaint about one share (spec §8.3). */
export const DKG_COMPLAINT = z
  .strictObject({ from: TRUSTEE, to: TRUSTEE, K: HEX64, proof: CHAUM_PEDERSEN })
  .meta({ id: 'DkgComplaint' });

/** Trustee j's check of the shares it received: its complaints, none when every share was good. */
export const DKG_CHECK = z
  .strictObject({ trustee: TRUSTEE, complaints: z.array(DKG_COMPLAINT).max(1000) })
  .meta({ id: 'DkgCheck' });

/** Trustee j's signature of the key ceremony digest (spec §8.5). */
export const ACKNOWLEDGEMENT = z
  .strictObject({ trustee: TRUSTEE, signature: SIGNATURE })
  .meta({ id: 'Acknowledgement' });

/** Trustee j's partial decryption of every person's total (spec §9). */
export const PARTIAL_DECRYPTION = z
  .strictObject({
    trustee: TRUSTEE,
    partials: z
      .array(z.strictObject({ person: ID_TEXT, D: HEX64, proof: CHAUM_PEDERSEN }))
      .min(1)
      .max(500),
  })
  .meta({ id: 'PartialDecryption' });

/** Where an election stands (store ElectionStatus). */
export const ELECTION_STATUS = z.enum([
  'none',
  'keygen',
  'dealing',
  'checking',
  'acknowledging',
  'failed',
  'keyed',
  'registered',
  'voting',
  'closed',
  'decrypted',
]);

/** One trustee's progress as the conference screen shows it. */
export const TRUSTEE_PROGRESS = z.object({
  trustee: z.number().int(),
  memberId: z.string(),
  fullName: z.string(),
  key: z.boolean(),
  commitment: z.boolean(),
  check: z.boolean(),
  acknowledgement: z.boolean(),
  partial: z.boolean(),
});

/** The election as everyone may see it (the conference screen): phase, trustees, fingerprint. */
export const ELECTION_OVERVIEW = z
  .object({
    conferenceId: z.string(),
    status: ELECTION_STATUS,
    /** Which key ceremony runs (or ran): 1, then one more at each restart (spec §8.6). */
    ceremony: z.number().int(),
    trustees: z.array(TRUSTEE_PROGRESS),
    threshold: z.number().int(),
    fingerprint: z.string().nullable(),
    publicKey: z.string().nullable(),
    credentials: z.number().int(),
    voided: z.number().int(),
    events: z.number().int(),
    head: z.string().nullable(),
  })
  .meta({ id: 'ElectionOverview' });

/** What the booth needs: the manifest (persons, styles), F, Y and B (spec §3.1, §7.1). */
export const BOOTH_INFO = z
  .object({
    status: ELECTION_STATUS,
    manifest: z.object({
      electionId: z.string(),
      title: z.string(),
      persons: z.array(z.object({ id: z.string(), name: z.string() })),
      styles: z.array(z.object({ id: z.string(), persons: z.array(z.string()) })),
      trustees: z.number().int(),
      threshold: z.number().int(),
      maxVoters: z.number().int(),
    }),
    fingerprint: z.string(),
    publicKey: z.string().nullable(),
    base: z.string(),
    /** With `?credential=P`: the slip's style and whether it was voided; null if not listed. */
    credential: z.object({ style: z.string(), voided: z.boolean() }).nullable(),
  })
  .meta({ id: 'BoothInfo' });

/** What the booth gets back for a cast or audited ballot (spec §7.3). */
export const BALLOT_RECEIPT = z
  .object({ tracker: z.string(), digest: z.string(), seq: z.number().int() })
  .meta({ id: 'BallotReceipt' });

/** The public board: trackers in record order (spec §7.3). */
export const BOARD = z
  .object({
    status: ELECTION_STATUS,
    ballots: z.array(
      z.object({ seq: z.number().int(), tracker: z.string(), kind: z.enum(['cast', 'audited']) }),
    ),
    head: z.string().nullable(),
  })
  .meta({ id: 'ElectionBoard' });

/** The projector's figures before the result: ballots received of voters present, nothing else. */
export const ELECTION_PROGRESS = z
  .object({
    status: ELECTION_STATUS,
    ballotsReceived: z.number().int(),
    present: z.number().int(),
  })
  .meta({ id: 'ElectionProgress' });

/** What a trustee's page needs at each step (spec §8–§9). */
export const TRUSTEE_VIEW = z
  .object({
    trustee: z.number().int(),
    trustees: z.number().int(),
    threshold: z.number().int(),
    status: ELECTION_STATUS,
    /** The key ceremony this view belongs to; a page's secrets of an earlier one are void (spec §8.6). */
    ceremony: z.number().int(),
    manifest: BOOTH_INFO.shape.manifest,
    fingerprint: z.string(),
    posted: z.object({
      key: z.boolean(),
      commitment: z.boolean(),
      check: z.boolean(),
      acknowledgement: z.boolean(),
      partial: z.boolean(),
    }),
    trusteeKeys: z.array(TRUSTEE_KEY),
    commitments: z.array(DKG_COMMITMENT),
    sharesForMe: z.array(
      z.object({ from: z.number().int(), R: HEX64, ct: HEX64, mac: HEX64, to: z.number().int() }),
    ),
    complaints: z.array(DKG_COMPLAINT),
    keyStatement: z
      .object({
        publicKey: z.string(),
        qualified: z.array(z.number().int()),
        verificationKeys: z.array(z.object({ trustee: z.number().int(), key: z.string() })),
        digest: z.string(),
      })
      .nullable(),
    tally: z
      .array(
        z.object({
          person: z.string(),
          counted: z.number().int(),
          alpha: z.string(),
          beta: z.string(),
        }),
      )
      .nullable(),
  })
  .meta({ id: 'TrusteeView' });

/** A restart of the key ceremony: the number of the ceremony to drop, so two restarts do not both land. */
export const CEREMONY_RESTART = z
  .strictObject({ ceremony: z.number().int().min(1).max(1_000_000) })
  .meta({ id: 'CeremonyRestart' });

/** The ceremony a trustee's post belongs to (`?ceremony=N`); without it, the one running. */
export const CEREMONY_QUERY = z.object({
  ceremony: z.coerce.number().int().min(1).max(1_000_000).optional(),
});

/** An acknowledgement of a trustee post. */
export const POSTED = z.object({ status: ELECTION_STATUS, replayed: z.boolean() });

/** The organiser's registration of the public credentials (spec §6). */
export const CREDENTIALS_INPUT = z.strictObject({
  credentials: z
    .array(z.strictObject({ credential: HEX64, style: ID_TEXT }))
    .min(1)
    .max(131_071),
});

/** Electronic counts per person voted on, handed to the conference result (spec §10.2). */
export const ELECTRONIC_COUNTS = z
  .object({
    persons: z.array(
      z.object({
        subjectId: z.string(),
        counted: z.number().int(),
        high: z.number().int(),
        confidence: z.number().int(),
        low: z.number().int(),
        invalid: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'ElectronicCounts' });

export type ElectionOverviewDto = z.infer<typeof ELECTION_OVERVIEW>;
export type TrusteeViewDto = z.infer<typeof TRUSTEE_VIEW>;
export type BoothInfoDto = z.infer<typeof BOOTH_INFO>;
export type BallotReceiptDto = z.infer<typeof BALLOT_RECEIPT>;
export type ElectionBoardDto = z.infer<typeof BOARD>;
export type ElectionProgressDto = z.infer<typeof ELECTION_PROGRESS>;
export type ElectronicCountsDto = z.infer<typeof ELECTRONIC_COUNTS>;
