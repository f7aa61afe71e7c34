// Conference-day counting: entry keys, double entry and reconciliation, checks, the result and what follows it.

export * from './aggregate-entry.js';
export * from './ballot-accounting.js';
export * from './ballot-entry.js';
export * from './conference-result.js';
export * from './entry-keys.js';
export * from './follow-up.js';
export * from './no-confidence-vote.js';
export * from './reconcile.js';
export * from './sheet-count.js';
