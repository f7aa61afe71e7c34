import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

describe('canonicalJson (spec §2.3)', () => {
  it('sorts keys by UTF-16 code units and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], A: { d: 'é', c: -2 } })).toBe(
      '{"A":{"c":-2,"d":"é"},"a":[true,null,"x"],"b":1}',
    );
  });
  it('omits undefined members as JSON.stringify does', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
  });
  it('rejects floats, unsafe integers and -0', () => {
    expect(() => canonicalJson({ x: 1.5 })).toThrow(/safe integer/);
    expect(() => canonicalJson(2 ** 53)).toThrow(/safe integer/);
    expect(() => canonicalJson(-0)).toThrow(/safe integer/);
  });
  it('rejects functions and bigints', () => {
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/unsupported/);
    expect(() => canonicalJson(1n)).toThrow(/unsupported/);
  });
});
