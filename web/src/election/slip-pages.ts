// The print layout of the credential slips: A4 pages of eight slips (2 × 4, A7 each, cut along the
// dashed lines), every ballot style starting on a new page so that each style's pile is cut apart.

import type { Slip } from './slip-batch.js';

/** Slips per A4 page: two columns of four, 105 × 74 mm each. */
export const SLIPS_PER_PAGE = 8;

/** One printed page: the slips of one style. */
export interface SlipPage {
  readonly style: string;
  /** 1-based page number within the style, and the style's page count. */
  readonly number: number;
  readonly of: number;
  readonly slips: readonly Slip[];
}

/** Pages of at most `perPage` slips, one style per page, styles in the order they first appear. */
export function slipPages(slips: readonly Slip[], perPage: number = SLIPS_PER_PAGE): SlipPage[] {
  if (!Number.isSafeInteger(perPage) || perPage < 1)
    throw new Error(`slipPages: perPage must be a whole number ≥ 1, got ${perPage}`);
  const byStyle = new Map<string, Slip[]>();
  for (const slip of slips) {
    const list = byStyle.get(slip.style) ?? [];
    list.push(slip);
    byStyle.set(slip.style, list);
  }
  const pages: SlipPage[] = [];
  for (const [style, list] of byStyle) {
    const of = Math.ceil(list.length / perPage);
    for (let k = 0; k < of; k++)
      pages.push({ style, number: k + 1, of, slips: list.slice(k * perPage, (k + 1) * perPage) });
  }
  return pages;
}
