// Imports of units, persons with positions, and participants from CSV/XLSX rows.

export * from './participant-rows.js';
export * from './person-rows.js';
export * from './table.js';
export * from './unit-rows.js';
