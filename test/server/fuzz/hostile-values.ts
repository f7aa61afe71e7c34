// Inputs that have broken servers before: Vietnamese text in NFC, NFD and mixed forms, control and
// bidi characters, lone surrogates, huge and non-finite numbers, invalid UTF-8 byte sequences.

import fc from 'fast-check';

/** Vietnamese words as typed (NFC); each is also sent decomposed (NFD) and mixed. */
const WORDS = [
  'Nguyễn Thị Lan',
  'Hoàng Vĩnh Khuyến',
  'Đặng Văn Tuấn',
  'Tỉnh ủy Quảng Ninh',
  'Huyện ủy Đầm Hà',
  'tín nhiệm cao',
  'tín nhiệm thấp',
  'Phó Bí thư Huyện ủy',
  'Ủy ban Kiểm tra',
  'Phiếu số 1',
  'Hội trường',
  'đề nghị làm rõ',
  'ỹ ữ ự ờ ẫ',
];

/** A string in NFC, NFD, or with some characters decomposed and others not. */
export const vietnamese: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...WORDS), fc.constantFrom('nfc', 'nfd', 'mixed'))
  .map(([w, form]) => {
    if (form === 'nfc') return w.normalize('NFC');
    if (form === 'nfd') return w.normalize('NFD');
    return [...w].map((ch, i) => (i % 2 === 0 ? ch.normalize('NFD') : ch)).join('');
  });

/** Strings a schema would not expect. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  vietnamese,
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udfffy',
    '\u202eesrever',
    '\ufeffBOM',
    '\u200b',
    '../../etc/passwd',
    '..%2f..%2f',
    '<script>alert(1)</script>',
    "' OR 1=1 --",
    '${process.env}',
    '__proto__',
    'constructor',
    'NaN',
    '-0',
    '1e309',
    '9'.repeat(400),
    '😀🇻🇳',
    '\r\n\t',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.nat({ max: 5 }).map((k) => 'ệ'.normalize('NFD').repeat(10 ** k / 2 + 1)),
);

/** Numbers at and beyond every edge. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    -1,
    0.5,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER + 2,
    -Number.MAX_SAFE_INTEGER - 2,
    2 ** 31,
    2 ** 63,
    5e-324,
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

/** A JSON value of any type, for a field that expects another. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  { depthSize: 'small' },
  hostileString,
  hostileNumber,
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
);

/** JSON text that JSON.stringify cannot produce: huge literals, deep nesting, duplicate keys, bad syntax. */
export const rawJsonText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    '{',
    '{"a":}',
    '[1,2',
    'null',
    'true',
    '"text"',
    '12',
    '[]',
    '{"x":1e999}',
    '{"x":-1e999}',
    `{"x":${'9'.repeat(1000)}}`,
    '{"__proto__":{"admin":true}}',
    '{"a":1,"a":2}',
    "{'a':1}",
    '\ufeff{}',
    '{"a":"\\ud800"}',
    '{"a":"\\u0000"}',
  ),
  fc.nat({ max: 5000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
  fc.string({ maxLength: 60 }),
);

/** Byte sequences that are not UTF-8: stray continuation, overlong, surrogate, truncated, > U+10FFFF. */
export const invalidUtf8: fc.Arbitrary<Uint8Array> = fc
  .tuple(
    fc.constantFrom(
      [0x80],
      [0xc0, 0xaf],
      [0xe0, 0x80, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xff],
      [0xe1, 0xbb],
      [0xc3],
    ),
    fc.constantFrom('{"name":"', '{"username":"', '', '["'),
  )
  .map(([bad, prefix]) => {
    const head = new TextEncoder().encode(prefix + 'Nguy');
    const tail = new TextEncoder().encode('n"}');
    return new Uint8Array([...head, ...bad, ...tail]);
  });
