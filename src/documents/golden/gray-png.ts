// Grayscale 8-bit images for golden tests: PGM from pdftoppm in, compact PNG files on disk.

import { crc32, deflateSync, inflateSync } from 'node:zlib';

/** A grayscale image, one byte per pixel, rows top to bottom. */
export interface GrayImage {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

/** Parses a binary PGM ("P5", maxval 255), what `pdftoppm -gray` writes. */
export function parsePgm(bytes: Uint8Array): GrayImage {
  let offset = 0;
  const token = (): string => {
    // Skip whitespace and comments, then read one token.
    for (;;) {
      while (offset < bytes.length && /\s/.test(String.fromCharCode(bytes[offset] ?? 0))) offset++;
      if (bytes[offset] === 0x23) {
        while (offset < bytes.length && bytes[offset] !== 0x0a) offset++;
        continue;
      }
      break;
    }
    const start = offset;
    while (offset < bytes.length && !/\s/.test(String.fromCharCode(bytes[offset] ?? 0))) offset++;
    return String.fromCharCode(...bytes.subarray(start, offset));
  };
  const magic = token();
  const width = Number(token());
  const height = Number(token());
  const maxval = Number(token());
  if (magic !== 'P5' || maxval !== 255 || !(width > 0) || !(height > 0)) {
    throw new Error(
      `parsePgm: expected P5 with maxval 255, got ${magic} ${width}x${height} ${maxval}`,
    );
  }
  offset += 1; // the single whitespace after maxval
  const pixels = bytes.slice(offset, offset + width * height);
  if (pixels.length !== width * height) throw new Error('parsePgm: truncated pixel data');
  return { width, height, pixels };
}

const SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData) >>> 0);
  return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes a grayscale PNG; each row filtered with "Up" (type 2), which text pages compress well with. */
export function encodeGrayPng(image: GrayImage): Buffer {
  const { width, height, pixels } = image;
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 2;
    for (let x = 0; x < width; x++) {
      const above = y === 0 ? 0 : (pixels[(y - 1) * width + x] ?? 0);
      raw[y * (width + 1) + 1 + x] = ((pixels[y * width + x] ?? 0) - above) & 0xff;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // grayscale
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** Decodes an 8-bit grayscale, non-interlaced PNG with any of the five row filters. */
export function decodeGrayPng(bytes: Uint8Array): GrayImage {
  const buffer = Buffer.from(bytes);
  if (!buffer.subarray(0, 8).equals(Buffer.from(SIGNATURE)))
    throw new Error('decodeGrayPng: not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('latin1', offset + 4, offset + 8);
    const data = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[9] !== 0 || data[12] !== 0) {
        throw new Error('decodeGrayPng: expected 8-bit grayscale without interlace');
      }
    } else if (type === 'IDAT') {
      idat.push(data);
    }
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (width + 1)];
    for (let x = 0; x < width; x++) {
      const value = raw[y * (width + 1) + 1 + x] ?? 0;
      const left = x === 0 ? 0 : (pixels[y * width + x - 1] ?? 0);
      const up = y === 0 ? 0 : (pixels[(y - 1) * width + x] ?? 0);
      const upLeft = x === 0 || y === 0 ? 0 : (pixels[(y - 1) * width + x - 1] ?? 0);
      let predicted = 0;
      if (filter === 1) predicted = left;
      else if (filter === 2) predicted = up;
      else if (filter === 3) predicted = (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        predicted = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      pixels[y * width + x] = (value + predicted) & 0xff;
    }
  }
  return { width, height, pixels };
}

/** How two images differ: pixels off by more than `threshold` levels, as a share of all pixels. */
export interface ImageDifference {
  readonly sameSize: boolean;
  readonly differing: number;
  readonly share: number;
}

/** Compares two grayscale images pixel by pixel. */
export function compareGray(
  actual: GrayImage,
  expected: GrayImage,
  threshold = 64,
): ImageDifference {
  if (actual.width !== expected.width || actual.height !== expected.height) {
    return { sameSize: false, differing: actual.width * actual.height, share: 1 };
  }
  let differing = 0;
  for (let i = 0; i < actual.pixels.length; i++) {
    if (Math.abs((actual.pixels[i] ?? 0) - (expected.pixels[i] ?? 0)) > threshold) differing++;
  }
  return { sameSize: true, differing, share: differing / actual.pixels.length };
}
