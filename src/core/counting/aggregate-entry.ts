// Aggregate entry (totals per person, for committees that counted by hand), checked line by line.

import { err, ok, type Failure, type LineCounts, type Result } from '../../rules/index.js';

/**
 * Each person's high + confidence + low + invalid lines must equal the ballots collected: every
 * collected ballot has exactly one line for every person on it (rules.md §3.6).
 */
export function checkAggregate(
  collected: number,
  persons: readonly (LineCounts & { readonly name: string })[],
): Result<readonly LineCounts[], Failure<'invalid_count' | 'aggregate_mismatch'>> {
  for (const [index, person] of persons.entries()) {
    for (const field of ['high', 'confidence', 'low', 'invalid'] as const) {
      const value = person[field];
      if (!Number.isSafeInteger(value) || value < 0) {
        return err({
          code: 'invalid_count',
          field: `persons[${index}].${field}`,
          message: `persons[${index}].${field}: expected a non-negative integer, got ${value}.`,
        });
      }
    }
    const sum = person.high + person.confidence + person.low + person.invalid;
    if (sum !== collected) {
      return err({
        code: 'aggregate_mismatch',
        field: `persons[${index}]`,
        message: `${person.name}: high + confidence + low + invalid = ${sum}, but ${collected} ballots were collected.`,
      });
    }
  }
  return ok(persons);
}
