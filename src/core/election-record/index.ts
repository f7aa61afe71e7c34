// The public record of an election: building, simulating and verifying it (spec §10–§12).
export * from './record-types.js';
export * from './event-chain.js';
export * from './fingerprint.js';
export * from './key-ceremony.js';
export * from './ballot-digest.js';
export * from './tally.js';
export * from './ballot-chunk.js';
export * from './check-ballot.js';
export * from './check-ballots.js';
export * from './simulate-election.js';
export * from './verify-record.js';
