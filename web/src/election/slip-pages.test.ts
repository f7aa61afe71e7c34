// The print layout: eight slips an A4 page, each style on its own pages, no slip lost or repeated.

import { describe, expect, it } from 'vitest';
import type { Slip } from './slip-batch.js';
import { SLIPS_PER_PAGE, slipPages } from './slip-pages.js';

const slips = (style: string, n: number): Slip[] =>
  Array.from({ length: n }, (_, k) => ({ style, code: `${style}-${k}` }));

describe('slipPages', () => {
  it('puts 24 common and 6 part slips on 3 + 1 pages, styles apart', () => {
    const pages = slipPages([...slips('all', 24), ...slips('s2', 6)]);
    expect(SLIPS_PER_PAGE).toBe(8);
    expect(pages.map((p) => [p.style, p.number, p.of, p.slips.length])).toEqual([
      ['all', 1, 3, 8],
      ['all', 2, 3, 8],
      ['all', 3, 3, 8],
      ['s2', 1, 1, 6],
    ]);
  });

  it('keeps every slip once, in order, also when styles are interleaved', () => {
    const mixed = [...slips('a', 9), ...slips('b', 3)].sort((x, y) =>
      x.code.slice(2).localeCompare(y.code.slice(2)),
    );
    const pages = slipPages(mixed, 4);
    const back = pages.flatMap((p) => p.slips.map((s) => s.code));
    expect(back.sort()).toEqual(mixed.map((s) => s.code).sort());
    expect(pages.every((p) => p.slips.every((s) => s.style === p.style))).toBe(true);
    expect(pages.filter((p) => p.style === 'a').map((p) => p.slips.length)).toEqual([4, 4, 1]);
    expect(pages.filter((p) => p.style === 'b').map((p) => p.slips.length)).toEqual([3]);
  });

  it('makes no page for no slip and refuses a page size below one', () => {
    expect(slipPages([])).toEqual([]);
    expect(slipPages(slips('a', 8)).length).toBe(1);
    expect(slipPages(slips('a', 9)).length).toBe(2);
    expect(() => slipPages(slips('a', 1), 0)).toThrow(/≥ 1/);
  });
});
