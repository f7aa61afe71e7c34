// The key file: what it holds, the checks on loading it, and its QR code read back by the scanner's
// decoder (jsqr) at the size the page draws it, so a printed key share can be scanned to decrypt.

import jsQRModule from 'jsqr';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import {
  G,
  elem,
  mulSecret,
  randomScalar,
  scalarToHex,
  seededRandom,
} from '../../../src/crypto/index.js';
import { keyFileName, keyFileQr, keyFileText, makeKeyFile, parseKeyFile } from './key-file.js';

const random = seededRandom('key-file-test');
const x = randomScalar(random);
const fingerprint = scalarToHex(randomScalar(random));
const view = {
  fingerprint,
  trustee: 2,
  keyStatement: {
    publicKey: '',
    qualified: [1, 2, 3],
    verificationKeys: [
      { trustee: 1, key: elem(G).hex },
      { trustee: 2, key: elem(mulSecret(G, x)).hex },
    ],
    digest: '',
  },
};
const file = makeKeyFile({
  conferenceId: 'c1',
  fingerprint,
  trustee: 2,
  keySecret: scalarToHex(randomScalar(random)),
  share: x,
  verificationKey: view.keyStatement.verificationKeys[1]!.key,
});

/** The QR code as the page draws it (KeyQr), rasterised: 4-module quiet zone, `scale` px a module. */
function raster(text: string, scale = 4): { data: Uint8ClampedArray; size: number } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = (modules.size + 8) * scale;
  const data = new Uint8ClampedArray(size * size * 4).fill(255);
  for (let y = 0; y < modules.size; y++)
    for (let x = 0; x < modules.size; x++) {
      if (!modules.get(y, x)) continue;
      for (let dy = 0; dy < scale; dy++)
        for (let dx = 0; dx < scale; dx++) {
          const px = ((y + 4) * scale + dy) * size + (x + 4) * scale + dx;
          data[px * 4] = data[px * 4 + 1] = data[px * 4 + 2] = 0;
        }
    }
  return { data, size };
}

describe('key file', () => {
  it('loads back what was saved, and names the file without a personal name', () => {
    const parsed = parseKeyFile(keyFileText(file), view);
    expect(parsed).toEqual({ ok: true, file, share: x });
    expect(keyFileName(file)).toBe(`phan-khoa-thanh-vien-2-${fingerprint.slice(0, 8)}.json`);
    // after a restart the run is in the name, so the dropped run's file is told apart
    expect(keyFileName(file, 2)).toBe(
      `phan-khoa-thanh-vien-2-${fingerprint.slice(0, 8)}-lan-2.json`,
    );
  });

  it('refuses another election, another trustee, a share that is not x_j, and text that is no key file', () => {
    expect(parseKeyFile(keyFileText(file), { ...view, fingerprint: '00'.repeat(32) })).toEqual({
      ok: false,
      error: 'key_file_other_election',
    });
    expect(parseKeyFile(keyFileText(file), { ...view, trustee: 1 })).toEqual({
      ok: false,
      error: 'key_file_other_trustee',
    });
    const other = { ...file, share: scalarToHex(randomScalar(random)) };
    expect(parseKeyFile(JSON.stringify(other), view)).toEqual({
      ok: false,
      error: 'key_file_wrong_share',
    });
    expect(parseKeyFile(JSON.stringify({ ...file, format: 'x' }), view)).toEqual({
      ok: false,
      error: 'key_file_invalid',
    });
    expect(parseKeyFile('[]', view)).toEqual({ ok: false, error: 'key_file_invalid' });
    expect(parseKeyFile(keyFileText(file), { ...view, keyStatement: null })).toEqual({
      ok: false,
      error: 'trustee_not_ready',
    });
  });

  it('prints as a QR code that the scanner reads back to the same key file', () => {
    type Decode = (
      data: Uint8ClampedArray,
      width: number,
      height: number,
      options: { inversionAttempts: 'dontInvert' },
    ) => { data: string } | null;
    const mod = jsQRModule as unknown as { default?: Decode } & Decode;
    const decode: Decode = typeof mod.default === 'function' ? mod.default : mod;
    const { data, size } = raster(keyFileQr(file));
    const read = decode(data, size, size, { inversionAttempts: 'dontInvert' });
    expect(read?.data).toBe(keyFileQr(file));
    expect(parseKeyFile(read!.data, view)).toEqual({ ok: true, file, share: x });
  });
});
