// A small document model the minutes and the report are written in once, then rendered to PDF and DOCX.

import type { RuleSet } from '../rules/index.js';
import type { CountedStyle } from './conference-result.js';
import type { IssuingBodyData } from './model.js';

/** A piece of text with its emphasis. */
export interface Run {
  readonly text: string;
  readonly bold?: boolean;
  readonly italics?: boolean;
}

/** One block of a written document, top to bottom. */
export type Block =
  | { readonly kind: 'title'; readonly title: string; readonly subtitle?: string }
  | { readonly kind: 'centered'; readonly runs: readonly Run[] }
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly runs: readonly Run[]; readonly indent?: boolean }
  | {
      readonly kind: 'results';
      readonly counted: CountedStyle;
      /** The sentence above the table, kept on the same page as a short table. */
      readonly caption: string;
    }
  | {
      readonly kind: 'signatures';
      /** Nơi nhận, printed small at the left when present. */
      readonly recipients?: readonly string[];
      readonly columns: readonly {
        readonly capacity: readonly string[];
        readonly names: readonly string[];
      }[];
    };

/** A document: its header and its blocks. */
export interface WrittenDocument {
  /** Metadata title ("Biên bản kiểm phiếu — …"). */
  readonly title: string;
  readonly regime: RuleSet['regime'];
  readonly issuingBody: IssuingBodyData;
  /** Số và ký hiệu under the issuing body; undefined prints no number line. */
  readonly number?: string;
  /** "Móng Cái, ngày 29 tháng 9 năm 2023". */
  readonly dateLine?: string;
  readonly sample: boolean;
  readonly blocks: readonly Block[];
}

/** A plain run. */
export function plain(text: string): Run {
  return { text };
}

/** A bold run. */
export function bold(text: string): Run {
  return { text, bold: true };
}

/** An italic run. */
export function italic(text: string): Run {
  return { text, italics: true };
}

/** A paragraph block from runs or a single text. */
export function paragraph(...runs: readonly (Run | string)[]): Block {
  return {
    kind: 'paragraph',
    runs: runs.map((r) => (typeof r === 'string' ? plain(r) : r)),
    indent: true,
  };
}
