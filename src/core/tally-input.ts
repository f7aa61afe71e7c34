// Reads tally input (the JSON contract of `tinnhiem tally`, or CSV rows plus flags) into typed counts.

import {
  err,
  findRuleSet,
  ok,
  type Failure,
  type PersonCounts,
  type Result,
  type RuleSet,
  type TallyCounts,
} from '../rules/index.js';
import { parseCsv } from './csv.js';

/** Counts and the rule set they are tallied under. */
export interface TallyInput {
  readonly ruleSet: RuleSet;
  readonly counts: TallyCounts;
}

/** Codes of the ways tally input can be unreadable (count problems are the rules engine's). */
export type TallyInputFailureCode =
  'invalid_json' | 'invalid_input' | 'unknown_rule_set' | 'malformed_csv';

type InputResult<T> = Result<T, Failure<TallyInputFailureCode>>;

/**
 * Reads `{"rules", "ballotsIssued", "ballotsCollected", "totalMembers"?, "persons": [{"name",
 * "position", "high", "confidence", "low"}]}`. Counts are passed on as given; the rules engine checks
 * them and names the field.
 */
export function readTallyJson(text: string): InputResult<TallyInput> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    return err({
      code: 'invalid_json',
      message: `Input is not valid JSON: ${(cause as Error).message}.`,
    });
  }
  if (!isRecord(raw)) return invalid('', 'expected a JSON object');
  if (typeof raw.rules !== 'string') return invalid('rules', 'expected a rule set id');
  const ruleSet = findRuleSet(raw.rules);
  if (!ruleSet.ok) return ruleSet;
  if (!Array.isArray(raw.persons)) return invalid('persons', 'expected an array of persons');
  const persons: PersonCounts[] = [];
  for (const [index, person] of (raw.persons as unknown[]).entries()) {
    const field = `persons[${index}]`;
    if (!isRecord(person)) return invalid(field, 'expected an object');
    if (typeof person.name !== 'string' || person.name.trim() === '') {
      return invalid(`${field}.name`, 'expected a name');
    }
    persons.push({
      name: person.name.normalize('NFC'),
      position: typeof person.position === 'string' ? person.position.normalize('NFC') : '',
      high: person.high as number,
      confidence: person.confidence as number,
      low: person.low as number,
    });
  }
  return ok({
    ruleSet: ruleSet.value,
    counts: {
      ballotsIssued: raw.ballotsIssued as number,
      ballotsCollected: raw.ballotsCollected as number,
      totalMembers: raw.totalMembers as number | undefined,
      persons,
    },
  });
}

/** The CSV columns, in order. */
export const TALLY_CSV_HEADER = ['name', 'position', 'high', 'confidence', 'low'] as const;

/** Reads CSV rows "name,position,high,confidence,low" with the conference figures given apart. */
export function readTallyCsv(
  text: string,
  figures: {
    rules: string;
    ballotsIssued: number;
    ballotsCollected: number;
    totalMembers?: number;
  },
): InputResult<TallyInput> {
  const ruleSet = findRuleSet(figures.rules);
  if (!ruleSet.ok) return ruleSet;
  const parsed = parseCsv(text);
  if (!parsed.ok) return parsed;
  const [header, ...rows] = parsed.value;
  const expected = TALLY_CSV_HEADER.join(',');
  if (!header || header.cells.map((c) => c.trim()).join(',') !== expected) {
    return err({
      code: 'malformed_csv',
      field: 'line 1',
      message: `CSV line 1: expected the header "${expected}".`,
    });
  }
  const persons: PersonCounts[] = [];
  for (const row of rows) {
    if (row.cells.length !== TALLY_CSV_HEADER.length) {
      return err({
        code: 'malformed_csv',
        field: `line ${row.line}`,
        message: `CSV line ${row.line}: expected ${TALLY_CSV_HEADER.length} cells, got ${row.cells.length}.`,
      });
    }
    const [name = '', position = '', ...numbers] = row.cells.map((c) => c.trim());
    const counts = numbers.map((cell) => (/^\d+$/.test(cell) ? Number(cell) : NaN));
    const badIndex = counts.findIndex((n) => !Number.isSafeInteger(n));
    if (badIndex >= 0 || name === '') {
      const column = name === '' ? 'name' : TALLY_CSV_HEADER[badIndex + 2];
      const cell = name === '' ? '' : numbers[badIndex];
      return err({
        code: 'malformed_csv',
        field: `line ${row.line}`,
        message: `CSV line ${row.line}: column "${column}" must be ${column === 'name' ? 'a name' : 'a non-negative integer'}, got "${cell}".`,
      });
    }
    const [high = 0, confidence = 0, low = 0] = counts;
    persons.push({ name, position, high, confidence, low });
  }
  return ok({
    ruleSet: ruleSet.value,
    counts: {
      ballotsIssued: figures.ballotsIssued,
      ballotsCollected: figures.ballotsCollected,
      totalMembers: figures.totalMembers,
      persons,
    },
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(field: string, what: string): InputResult<never> {
  return err({
    code: 'invalid_input',
    field,
    message: field ? `${field}: ${what}.` : `Input: ${what}.`,
  });
}
