// Electronic voting steps used by the routes (issue 7).
export * from './election-flow.js';
export * from './record-steps.js';
export * from './election-overview.js';
export * from './electronic-counts.js';
export * from './dkg-check.js';
