// The rules engine: rule sets as data plus pure, exact functions.

export * from './bands.js';
export * from './calendar-date.js';
export * from './count-ballots.js';
export * from './deadlines.js';
export * from './exclusions.js';
export * from './levels.js';
export * from './number-format.js';
export * from './percent.js';
export * from './places.js';
export * from './quorum.js';
export * from './registry.js';
export * from './result.js';
export * from './rule-set.js';
export * from './summary.js';
export * from './tally.js';
export * from './validity.js';
export { NQ35_2012 } from './nq35-2012.js';
export { NQ85_2014 } from './nq85-2014.js';
export { NQ96_2023 } from './nq96-2023.js';
export { QD96_2023 } from './qd96-2023.js';
