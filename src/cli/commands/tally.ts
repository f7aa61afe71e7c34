// `tinnhiem tally`: turns the counting committee's counts into the legal percentages and bands.

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readTallyCsv, readTallyJson, type TallyInput } from '../../core/tally-input.js';
import {
  countReachingShare,
  formatIntegerEn,
  formatIntegerVi,
  hundredthsToString,
  LEVELS,
  tallyCounts,
  type Failure,
  type RuleSet,
  type Tally,
} from '../../rules/index.js';
import { EXIT, type CliIo, type Command } from '../command.js';
import { renderTable } from '../text-table.js';

const USAGE = `Usage: tinnhiem tally --input FILE [--json] [--lang vi|en]
       tinnhiem tally --input FILE.csv --rules ID --issued N --collected N [--members N] [--json]

Computes each person's percentages on the rule's base (two decimals, half-up, exact) and the
consequence band (none, over-half-low, two-thirds-low).

  --input FILE     JSON {"rules", "ballotsIssued", "ballotsCollected", "totalMembers"?, "persons": [...]}
                   or CSV with the header name,position,high,confidence,low
  --rules ID       qd96-2023 | nq96-2023 | nq85-2014 | nq35-2012 (CSV only)
  --issued N       ballots issued (CSV only)
  --collected N    ballots collected (CSV only)
  --members N      total members, for nq85-2014 and nq35-2012 (CSV only)
  --json           print the result as JSON (the contract in README.md)
  --lang vi|en     language of the table (default vi)

Exit status: 0 done; 2 bad input (one message on stderr naming the field).
`;

/** The `tally` subcommand. */
export const tallyCommand: Command = {
  usage: USAGE,
  run: async (argv, io) => {
    const input = await readInput(argv, io);
    if (!input.ok) return fail(io, input.error);
    const tally = tallyCounts(input.value.ruleSet, input.value.counts);
    if (!tally.ok) return fail(io, tally.error);
    io.stdout(
      input.value.json
        ? `${JSON.stringify(tallyJson(tally.value), null, 2)}\n`
        : tallyText(tally.value, input.value.ruleSet, input.value.lang),
    );
    return EXIT.ok;
  },
};

type Parsed = TallyInput & { json: boolean; lang: 'vi' | 'en' };

async function readInput(
  argv: readonly string[],
  io: CliIo,
): Promise<{ ok: true; value: Parsed } | { ok: false; error: Failure }> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        input: { type: 'string' },
        json: { type: 'boolean', default: false },
        lang: { type: 'string', default: 'vi' },
        rules: { type: 'string' },
        issued: { type: 'string' },
        collected: { type: 'string' },
        members: { type: 'string' },
      },
      strict: true,
    }));
  } catch (cause) {
    return usage((cause as Error).message);
  }
  if (!values.input) return usage('--input FILE is required');
  if (values.lang !== 'vi' && values.lang !== 'en') return usage('--lang must be vi or en');
  const path = resolve(io.cwd, values.input);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return {
      ok: false,
      error: { code: 'file_not_found', field: '--input', message: `Cannot read ${path}.` },
    };
  }
  const isJson = values.input.toLowerCase().endsWith('.json') || /^\s*\{/.test(text);
  let parsed;
  if (isJson) {
    parsed = readTallyJson(text);
  } else {
    const figures = csvFigures(values);
    if (!figures.ok) return figures;
    parsed = readTallyCsv(text, figures.value);
  }
  if (!parsed.ok) return parsed;
  return { ok: true, value: { ...parsed.value, json: values.json, lang: values.lang } };
}

function csvFigures(values: {
  rules?: string | undefined;
  issued?: string | undefined;
  collected?: string | undefined;
  members?: string | undefined;
}):
  | {
      ok: true;
      value: {
        rules: string;
        ballotsIssued: number;
        ballotsCollected: number;
        totalMembers?: number;
      };
    }
  | { ok: false; error: Failure } {
  if (!values.rules) return usage('--rules ID is required with a CSV input');
  const numbers: Record<string, number | undefined> = {};
  for (const flag of ['issued', 'collected', 'members'] as const) {
    const raw = values[flag];
    if (raw === undefined) {
      if (flag !== 'members') return usage(`--${flag} N is required with a CSV input`);
      continue;
    }
    if (!/^\d+$/.test(raw)) return usage(`--${flag} must be a non-negative integer, got "${raw}"`);
    numbers[flag] = Number(raw);
  }
  return {
    ok: true,
    value: {
      rules: values.rules,
      ballotsIssued: numbers.issued ?? 0,
      ballotsCollected: numbers.collected ?? 0,
      ...(numbers.members === undefined ? {} : { totalMembers: numbers.members }),
    },
  };
}

function usage(message: string): { ok: false; error: Failure } {
  return { ok: false, error: { code: 'usage', message: `${message}. See tinnhiem tally --help.` } };
}

function fail(io: CliIo, error: Failure): number {
  io.stderr(`error [${error.code}]: ${error.message}\n`);
  return EXIT.usage;
}

/** The stable JSON contract of `tinnhiem tally --json` (README.md). */
export function tallyJson(tally: Tally): unknown {
  return {
    rules: tally.rules,
    base: tally.base,
    persons: tally.persons.map((p) => ({
      name: p.name,
      position: p.position,
      high: p.high,
      confidence: p.confidence,
      low: p.low,
      validLines: p.validLines,
      invalidLines: p.invalidLines,
      outcome: p.outcome,
    })),
  };
}

const WORDS = {
  vi: {
    header: [
      'STT',
      'Họ và tên',
      'Chức vụ',
      'Tín nhiệm cao',
      'Tín nhiệm',
      'Tín nhiệm thấp',
      'Kết quả',
    ],
    issued: 'Số phiếu phát ra',
    collected: 'Số phiếu thu về',
    base: {
      ballotsCollected: 'Tỷ lệ tính trên tổng số phiếu thu về',
      totalMembers: 'Tỷ lệ tính trên tổng số đại biểu',
    },
    outcome: { none: '—', 'over-half-low': 'Trên 1/2 thấp', 'two-thirds-low': 'Từ 2/3 thấp' },
    share: (r: number, t: number) =>
      `${r}/${t} người đạt từ 90% trở lên tín nhiệm cao và tín nhiệm.`,
  },
  en: {
    header: ['No.', 'Name', 'Position', 'High', 'Confidence', 'Low', 'Band'],
    issued: 'Ballots issued',
    collected: 'Ballots collected',
    base: {
      ballotsCollected: 'Percentages of ballots collected',
      totalMembers: 'Percentages of all members',
    },
    outcome: { none: '—', 'over-half-low': 'Over 1/2 low', 'two-thirds-low': '2/3 or more low' },
    share: (r: number, t: number) => `${r}/${t} persons reached 90% or more high + confidence.`,
  },
} as const;

function tallyText(tally: Tally, ruleSet: RuleSet, lang: 'vi' | 'en'): string {
  const words = WORDS[lang];
  const integer = lang === 'vi' ? formatIntegerVi : formatIntegerEn;
  const separator = lang === 'vi' ? ',' : '.';
  const cell = (count: number, percent: string): string => {
    const hundredths = Number(percent.replace('.', ''));
    return `${integer(count)} (${hundredthsToString(hundredths, separator)}%)`;
  };
  const rows = tally.persons.map((p, index) => [
    String(index + 1),
    p.name,
    p.position,
    ...LEVELS.map((level) => cell(p[level].count, p[level].percent)),
    words.outcome[p.outcome],
  ]);
  const { reached, total } = countReachingShare(tally, 90);
  const bands = tally.persons
    .filter((p) => p.outcome !== 'none')
    .map((p) => `• ${p.name}: ${ruleSet.bandMeanings[p.outcome][lang]}`);
  return [
    ruleSet.title[lang],
    `${words.issued}: ${integer(tally.ballotsIssued)} · ${words.collected}: ${integer(tally.ballotsCollected)} · ${words.base[tally.base.kind]} (${integer(tally.base.value)})`,
    '',
    renderTable(words.header, rows, ['r', 'l', 'l', 'r', 'r', 'r', 'l']),
    '',
    words.share(reached, total),
    ...bands,
    '',
  ].join('\n');
}
