// `tinnhiem documents`: ballots, minutes, reports, the aggregate and the public summary from exported JSON.

import { readFile, writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  DOCUMENT_FORMATS,
  renderDocumentFromJson,
  type DocumentFormat,
  type DocumentKind,
} from '../../documents/index.js';
import type { Failure } from '../../rules/index.js';
import { EXIT, type CliIo, type Command } from '../command.js';

const USAGE = `Usage: tinnhiem documents <kind> --input FILE.json --out FILE [--format F] [--copies N] [--style ID]

In Vietnamese, as offices print them, from a conference exported as JSON (a round for "aggregate"):

  ballot     phiếu tín nhiệm, A4 PDF per ballot style (QĐ 96 Phụ lục 4); --copies N, --style ID[,ID]
  minutes    biên bản kiểm phiếu, PDF or DOCX
  report     báo cáo kết quả lấy phiếu tín nhiệm to the competent authority, PDF or DOCX
  aggregate  the round's results across units, XLSX or PDF
  summary    the public summary text (no per-person figures); without --out it is printed

  --input FILE   the JSON (shape in docs/adr/0005-documents.md)
  --out FILE     where to write; the format follows its extension unless --format is given
  --format F     pdf | docx | xlsx | txt

Exit status: 0 written; 2 bad usage or input (stderr: "error [code]: message" naming the field).
`;

const KINDS = Object.keys(DOCUMENT_FORMATS) as DocumentKind[];

/** The `documents` subcommand. */
export const documentsCommand: Command = {
  usage: USAGE,
  run: async (argv, io) => {
    let parsed;
    try {
      parsed = parseArgs({
        args: [...argv],
        allowPositionals: true,
        options: {
          input: { type: 'string' },
          out: { type: 'string' },
          format: { type: 'string' },
          copies: { type: 'string' },
          style: { type: 'string' },
        },
        strict: true,
      });
    } catch (cause) {
      return fail(io, usage((cause as Error).message));
    }
    const { values, positionals } = parsed;
    const [kindText, ...extra] = positionals;
    if (kindText === undefined) return fail(io, usage(`a kind is required: ${KINDS.join(', ')}`));
    if (extra.length > 0) return fail(io, usage(`unexpected argument "${extra[0]}"`));
    if (!(KINDS as string[]).includes(kindText)) {
      return fail(io, {
        code: 'unknown_kind',
        field: 'kind',
        message: `Unknown document "${kindText}"; expected one of ${KINDS.join(', ')}.`,
      });
    }
    const kind = kindText as DocumentKind;
    if (!values.input) return fail(io, usage('--input FILE is required'));
    if (!values.out && kind !== 'summary') return fail(io, usage('--out FILE is required'));
    const format = chooseFormat(kind, values.format, values.out);
    if (!format.ok) return fail(io, format.error);
    let copies: number | undefined;
    if (values.copies !== undefined) {
      if (kind !== 'ballot') return fail(io, usage('--copies applies to ballot only'));
      if (!/^\d+$/.test(values.copies)) {
        return fail(io, {
          code: 'invalid_copies',
          field: '--copies',
          message: `--copies must be a whole number, got "${values.copies}".`,
        });
      }
      copies = Number(values.copies);
    }
    const styleIds = values.style
      ?.split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    if (styleIds && kind !== 'ballot') return fail(io, usage('--style applies to ballot only'));
    const inputPath = resolve(io.cwd, values.input);
    let json: string;
    try {
      json = await readFile(inputPath, 'utf8');
    } catch {
      return fail(io, {
        code: 'file_not_found',
        field: '--input',
        message: `Cannot read ${inputPath}.`,
      });
    }
    const rendered = await renderDocumentFromJson(kind, json, {
      format: format.value,
      ...(copies !== undefined ? { copies } : {}),
      ...(styleIds ? { styleIds } : {}),
    });
    if (!rendered.ok) return fail(io, rendered.error);
    if (!values.out || values.out === '-') {
      io.stdout(rendered.value.bytes.toString('utf8'));
      return EXIT.ok;
    }
    const outPath = resolve(io.cwd, values.out);
    try {
      await writeFile(outPath, rendered.value.bytes);
    } catch (cause) {
      return fail(io, {
        code: 'write_failed',
        field: '--out',
        message: `Cannot write ${outPath}: ${(cause as Error).message}.`,
      });
    }
    io.stdout(
      `Đã ghi / wrote ${outPath} (${rendered.value.bytes.length} bytes, ${rendered.value.format})\n`,
    );
    return EXIT.ok;
  },
};

function chooseFormat(
  kind: DocumentKind,
  flag: string | undefined,
  out: string | undefined,
): { ok: true; value: DocumentFormat } | { ok: false; error: Failure } {
  const allowed = DOCUMENT_FORMATS[kind];
  const fromExtension = out && out !== '-' ? extname(out).slice(1).toLowerCase() : '';
  const wanted =
    flag ?? (allowed.includes(fromExtension as DocumentFormat) ? fromExtension : allowed[0]);
  if (!allowed.includes(wanted as DocumentFormat)) {
    return {
      ok: false,
      error: {
        code: 'unsupported_format',
        field: '--format',
        message: `${kind} is made as ${allowed.join(' or ')}, not "${wanted}".`,
      },
    };
  }
  return { ok: true, value: wanted as DocumentFormat };
}

function usage(message: string): Failure {
  return { code: 'usage', message: `${message}. See tinnhiem documents --help.` };
}

function fail(io: CliIo, error: Failure): number {
  const field =
    error.field && !error.message.includes(error.field) ? ` (field ${error.field})` : '';
  io.stderr(`error [${error.code}]: ${error.message}${field}\n`);
  return EXIT.usage;
}
