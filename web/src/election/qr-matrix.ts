// A QR code as one SVG path (the `qrcode` package computes the modules; no canvas, no data: URL, and
// no inline style, which the Content-Security-Policy forbids), for the slips' booth links.

import QRCode from 'qrcode';

/** A QR symbol: its size in modules and the path of its dark modules, one unit per module. */
export interface QrPath {
  readonly size: number;
  readonly d: string;
}

/** The quiet zone around the symbol, in modules (ISO/IEC 18004 asks for 4). */
export const QUIET_ZONE = 4;

/** The symbol of `text` at error correction M; runs of dark modules in a row become one rectangle. */
export function qrPath(text: string): QrPath {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const parts: string[] = [];
  for (let y = 0; y < n; y++) {
    let x = 0;
    while (x < n) {
      if (!modules.get(y, x)) {
        x++;
        continue;
      }
      const start = x;
      while (x < n && modules.get(y, x)) x++;
      parts.push(`M${start + QUIET_ZONE} ${y + QUIET_ZONE}h${x - start}v1h${start - x}z`);
    }
  }
  return { size: n + 2 * QUIET_ZONE, d: parts.join('') };
}

/** Whether the module at (x, y) of the full symbol, quiet zone included, is dark (for tests and raster). */
export function qrDark(text: string): { size: number; dark: (x: number, y: number) => boolean } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  return {
    size: n + 2 * QUIET_ZONE,
    dark: (x, y) => {
      const mx = x - QUIET_ZONE;
      const my = y - QUIET_ZONE;
      return mx >= 0 && my >= 0 && mx < n && my < n && modules.get(my, mx) === 1;
    },
  };
}
