// The slips' QR codes: the SVG path covers exactly the dark modules, and a raster of it decodes
// (jsqr, the decoder the app bundles) to the booth link with its code.

import jsQRModule from 'jsqr';
import { describe, expect, it } from 'vitest';
import { boothLink } from './slip-link.js';
import { QUIET_ZONE, qrDark, qrPath } from './qr-matrix.js';

type Decode = (data: Uint8ClampedArray, w: number, h: number) => { data: string } | null;
const mod = jsQRModule as unknown as { default?: Decode } & Decode;
const decode: Decode = typeof mod.default === 'function' ? mod.default : mod;

/** Rasterises the path's rectangles ("M x y h w v1 h -w z"), `scale` px a module. */
function rasterise(text: string, scale = 5): { data: Uint8ClampedArray; px: number } {
  const { size, d } = qrPath(text);
  const px = size * scale;
  const data = new Uint8ClampedArray(px * px * 4).fill(255);
  for (const m of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    const [x0, y0, w] = [Number(m[1]), Number(m[2]), Number(m[3])];
    for (let y = y0 * scale; y < (y0 + 1) * scale; y++)
      for (let x = x0 * scale; x < (x0 + w) * scale; x++) {
        const i = (y * px + x) * 4;
        data[i] = data[i + 1] = data[i + 2] = 0;
      }
  }
  return { data, px };
}

describe('qrPath', () => {
  const link = boothLink(
    'http://192.168.1.10:3000',
    'c0ffee',
    '7K3M-0XQ2-HPA9-RT5V-WXYZ-0123-45AB',
  );

  it('draws exactly the dark modules, inside the quiet zone', () => {
    const { size, d } = qrPath(link);
    const { dark } = qrDark(link);
    const drawn = new Set<string>();
    for (const m of d.matchAll(/M(\d+) (\d+)h(\d+)/g))
      for (let k = 0; k < Number(m[3]); k++) drawn.add(`${Number(m[1]) + k},${m[2]}`);
    let expected = 0;
    for (let y = 0; y < size; y++)
      for (let x = 0; x < size; x++) {
        if (dark(x, y)) expected++;
        expect(drawn.has(`${x},${y}`)).toBe(dark(x, y));
        if (x < QUIET_ZONE || y < QUIET_ZONE) expect(dark(x, y)).toBe(false);
      }
    expect(drawn.size).toBe(expected);
  });

  it('decodes to the booth link with the slip code', () => {
    const { data, px } = rasterise(link);
    expect(decode(data, px, px)?.data).toBe(link);
  });
});
