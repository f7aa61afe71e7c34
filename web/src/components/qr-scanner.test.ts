// The scanner's decoder (jsqr, bundled) reads the QR code of an invitation as the documents print it (qrcode).

import jsQRModule from 'jsqr';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';

/** Renders a QR code to RGBA pixels, dark modules black on white, with a quiet zone, `scale` px a module. */
function render(text: string, scale = 6): { data: Uint8ClampedArray; size: number } {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const modules = qr.modules.size;
  const margin = 4;
  const size = (modules + 2 * margin) * scale;
  const data = new Uint8ClampedArray(size * size * 4).fill(255);
  for (let y = 0; y < modules; y++) {
    for (let x = 0; x < modules; x++) {
      if (!qr.modules.get(y, x)) continue;
      for (let dy = 0; dy < scale; dy++) {
        for (let dx = 0; dx < scale; dx++) {
          const px = ((y + margin) * scale + dy) * size + (x + margin) * scale + dx;
          data[px * 4] = data[px * 4 + 1] = data[px * 4 + 2] = 0;
        }
      }
    }
  }
  return { data, size };
}

describe('QR check-in decoder', () => {
  it('reads a check-in code (the alphabet of the server’s codes) with the scanner’s options', () => {
    type Decode = (
      data: Uint8ClampedArray,
      width: number,
      height: number,
      options: { inversionAttempts: 'dontInvert' },
    ) => { data: string } | null;
    // CommonJS under NodeNext: the function is the default export or the module itself.
    const mod = jsQRModule as unknown as { default?: Decode } & Decode;
    const decode: Decode = typeof mod.default === 'function' ? mod.default : mod;
    const code = 'K7M2XQ9HPA';
    const { data, size } = render(code);
    expect(decode(data, size, size, { inversionAttempts: 'dontInvert' })?.data).toBe(code);
  });
});
