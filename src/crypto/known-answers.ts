// Known-answer vectors of spec/vectors/*.json, recomputed from fixed inputs (tests and the generator).
import {
  ballotDigest,
  ballotTracker,
  encryptBallot,
  signBallot,
  type ElectionContext,
} from './ballot.js';
import { canonicalJson } from './canonical-json.js';
import { proveEqualLogs } from './chaum-pedersen.js';
import { credentialFromSecret } from './credential.js';
import { credentialFromSlip, generateSlip, parseSlip } from './credential-slip.js';
import { proveOneOf } from './disjunctive-proof.js';
import { encrypt } from './elgamal.js';
import { G, bytesToHex, commitmentElem, elem, mulSecret, scalarToHex } from './group.js';
import { TAGS, digest, hashParts, hashToScalar, utf8 } from './hash.js';
import { seededRandom } from './random.js';
import { encryptShare } from './share-encryption.js';
import { proveKnowledge } from './schnorr-proof.js';

/** Every vector file's content, by file name without extension. */
export function knownAnswers(): Record<string, unknown> {
  const F = digest(TAGS.fingerprint, [utf8('{"electionId":"vector"}')]);
  const x = 0x0123456789abcdefn;
  const X = elem(mulSecret(G, x));
  const Y = elem(mulSecret(G, 0xfeedn));
  const ctx: ElectionContext = { F, Y, base: 482n };
  const cred = credentialFromSecret(0xc0ffeen);
  const style = { id: 'all', persons: ['p01', 'p02', 'p03', 'p04'] };
  const enc = encryptBallot(
    ctx,
    cred.public,
    style,
    ['blank', 'high', 'confidence', 'low'],
    seededRandom('ballot'),
  );
  const ballot = signBallot(ctx, enc.ballot, cred, seededRandom('signature'));
  const line = encrypt(Y.point, 482n, 77n);
  const lineSt = {
    Y,
    alpha: elem(line.alpha),
    beta: elem(line.beta),
    messages: [0n, 1n, 482n, 482n * 482n],
  };
  const A = elem(mulSecret(G, 99n));
  return {
    hashing: {
      description: 'spec §3: H, D and Hs with tags; parts are UTF-8',
      cases: [
        { tag: 'tinnhiem/v1/test', parts: [] as string[] },
        { tag: 'tinnhiem/v1/test', parts: ['ab', 'c'] },
        { tag: 'tinnhiem/v1/test', parts: ['a', 'bc'] },
        { tag: 'tinnhiem/v1/fingerprint', parts: ['Nguyễn'] },
      ].map((c) => {
        const parts = c.parts.map(utf8);
        return {
          ...c,
          H: bytesToHex(hashParts(c.tag, parts)),
          D: bytesToHex(digest(c.tag, parts)),
          Hs: scalarToHex(hashToScalar(c.tag, parts)),
        };
      }),
    },
    'canonical-json': {
      description: 'spec §2.3',
      cases: [
        { b: 1, a: [true, null, 'x'], A: { d: 'Đỗ', c: -2 } },
        [],
        {},
        'chuỗi "trích dẫn"\n',
      ].map((value) => ({
        value,
        canonical: canonicalJson(value),
      })),
    },
    group: {
      description: 'spec §2.2: m·G as ristretto255 and as a commitment (affine x ‖ y)',
      cases: [1n, 2n, 482n, 482n * 482n, 0x0123456789abcdefn].map((m) => ({
        m: m.toString(),
        point: elem(mulSecret(G, m)).hex,
        commitment: commitmentElem(mulSecret(G, m)).hex,
      })),
    },
    drbg: {
      description: 'spec §14: seeded DRBG (tests and simulations only), first 80 bytes',
      cases: ['', 'tinnhiem', 'seed-1'].map((seed) => ({
        seed,
        bytes: bytesToHex(seededRandom(seed)(80)),
      })),
    },
    proofs: {
      description:
        'spec §5: proofs with randomness from the DRBG of spec §14 seeded with the given seed',
      fingerprint: bytesToHex(F),
      schnorr: {
        seed: 'pok',
        ctx: 'trustee-key',
        x: scalarToHex(x),
        X: X.hex,
        proof: proveKnowledge(F, utf8('trustee-key'), x, X, seededRandom('pok')),
      },
      chaumPedersen: {
        seed: 'cp',
        ctx: 'partial',
        x: scalarToHex(x),
        X: X.hex,
        A: A.hex,
        Z: elem(mulSecret(A.point, x)).hex,
        proof: proveEqualLogs(
          F,
          utf8('partial'),
          x,
          { X, A, Z: elem(mulSecret(A.point, x)) },
          seededRandom('cp'),
        ),
      },
      disjunctive: {
        seed: 'or',
        ctx: 'line',
        Y: Y.hex,
        messages: ['0', '1', '482', '232324'],
        index: 2,
        r: scalarToHex(77n),
        alpha: lineSt.alpha.hex,
        beta: lineSt.beta.hex,
        proof: proveOneOf(F, utf8('line'), lineSt, 2, 77n, seededRandom('or')),
      },
      shareEncryption: {
        seed: 'share',
        from: 1,
        to: 2,
        E: X.hex,
        share: scalarToHex(123456n),
        encrypted: encryptShare(F, 1, 2, X.point, 123456n, seededRandom('share')),
      },
    },
    'credential-slip': {
      description:
        'spec §6.1: slips from the DRBG seeded with "slip", and their credentials for the fingerprint',
      fingerprint: bytesToHex(F),
      cases: (() => {
        const random = seededRandom('slip');
        return [0, 1, 2].map(() => {
          const slip = generateSlip(random);
          const seed = parseSlip(slip);
          if (!seed.ok) throw new Error('knownAnswers: slip refused');
          return {
            slip,
            seed: bytesToHex(seed.value),
            credential: credentialFromSlip(F, seed.value).public.hex,
          };
        });
      })(),
    },
    ballot: {
      description: 'spec §7: a 4-line ballot (blank, high, confidence, low), B = 482',
      fingerprint: bytesToHex(F),
      publicKey: Y.hex,
      credentialSecret: scalarToHex(0xc0ffeen),
      encryptionSeed: 'ballot',
      signatureSeed: 'signature',
      ballot,
      openings: enc.openings,
      digest: bytesToHex(ballotDigest(ballot)),
      tracker: ballotTracker(ballot),
    },
  };
}
