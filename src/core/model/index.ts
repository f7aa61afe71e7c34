// The domain model: types of units, rounds, persons, conferences, participants, reports, questions, users, audit.

export * from './audit.js';
export * from './common.js';
export * from './conference.js';
export * from './conference-subject.js';
export * from './participant.js';
export * from './person.js';
export * from './question.js';
export * from './report.js';
export * from './round.js';
export * from './unit.js';
export * from './user.js';
export * from './counting.js';
