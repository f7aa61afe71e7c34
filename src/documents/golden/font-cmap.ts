// Which code points a TrueType font maps to a glyph (its cmap table), to prove no letter falls to .notdef.

/** The glyph id of each code point in a TrueType/OpenType font's Unicode cmap (0 = missing). */
export function glyphIds(font: Uint8Array, codePoints: readonly number[]): number[] {
  const data = Buffer.from(font);
  const numTables = data.readUInt16BE(4);
  let cmap = -1;
  for (let i = 0; i < numTables; i++) {
    const record = 12 + i * 16;
    if (data.toString('latin1', record, record + 4) === 'cmap')
      cmap = data.readUInt32BE(record + 8);
  }
  if (cmap < 0) throw new Error('glyphIds: the font has no cmap table');
  const subtables = data.readUInt16BE(cmap + 2);
  let format4 = -1;
  let format12 = -1;
  for (let i = 0; i < subtables; i++) {
    const record = cmap + 4 + i * 8;
    const platform = data.readUInt16BE(record);
    const encoding = data.readUInt16BE(record + 2);
    const offset = cmap + data.readUInt32BE(record + 4);
    const format = data.readUInt16BE(offset);
    if (platform === 3 && encoding === 10 && format === 12) format12 = offset;
    if (platform === 3 && encoding === 1 && format === 4) format4 = offset;
  }
  return codePoints.map((cp) =>
    format12 >= 0 ? lookup12(data, format12, cp) : lookup4(data, format4, cp),
  );
}

function lookup12(data: Buffer, table: number, cp: number): number {
  const groups = data.readUInt32BE(table + 12);
  for (let i = 0; i < groups; i++) {
    const group = table + 16 + i * 12;
    const start = data.readUInt32BE(group);
    const end = data.readUInt32BE(group + 4);
    if (cp >= start && cp <= end) return data.readUInt32BE(group + 8) + (cp - start);
  }
  return 0;
}

function lookup4(data: Buffer, table: number, cp: number): number {
  if (table < 0 || cp > 0xffff) return 0;
  const segments = data.readUInt16BE(table + 6) / 2;
  const ends = table + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let i = 0; i < segments; i++) {
    const end = data.readUInt16BE(ends + i * 2);
    if (cp > end) continue;
    const start = data.readUInt16BE(starts + i * 2);
    if (cp < start) return 0;
    const delta = data.readUInt16BE(deltas + i * 2);
    const rangeOffset = data.readUInt16BE(rangeOffsets + i * 2);
    if (rangeOffset === 0) return (cp + delta) & 0xffff;
    const glyph = data.readUInt16BE(rangeOffsets + i * 2 + rangeOffset + (cp - start) * 2);
    return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
  }
  return 0;
}
