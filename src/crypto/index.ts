// The cryptographic core of Tín nhiệm (spec/protocol.md): one import for the booth, trustees and verifier.
export * from './result.js';
export * from './group.js';
export * from './hash.js';
export * from './random.js';
export * from './canonical-json.js';
export * from './batch-verifier.js';
export * from './elgamal.js';
export * from './schnorr-proof.js';
export * from './chaum-pedersen.js';
export * from './disjunctive-proof.js';
export * from './credential.js';
export * from './credential-slip.js';
export * from './share-encryption.js';
export * from './dkg.js';
export * from './threshold-decryption.js';
export * from './discrete-log.js';
export * from './ballot.js';
