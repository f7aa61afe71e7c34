// The booth link on a slip: the code in the fragment, read back from a scan or typed text; loopback
// origins spotted, typed origins normalised.

import { describe, expect, it } from 'vitest';
import {
  boothLink,
  isLoopbackOrigin,
  parseOrigin,
  slipFromFragment,
  slipFromText,
} from './slip-link.js';

const CODE = '7K3M-0XQ2-HPA9-RT5V-WXYZ-0123-45AB';

describe('slip links', () => {
  it('puts the code in the fragment, which the browser does not send', () => {
    const link = boothLink('http://192.168.1.10:3000/', 'conf 1', CODE);
    expect(link).toBe(`http://192.168.1.10:3000/booth/conf%201#slip=${CODE}`);
    const url = new URL(link);
    expect(url.pathname).toBe('/booth/conf%201');
    expect(url.search).toBe('');
    expect(slipFromFragment(url.hash)).toBe(CODE);
  });

  it('reads the code of a scanned link, or takes the text as the code', () => {
    expect(slipFromText(boothLink('http://10.0.0.2', 'c', CODE))).toBe(CODE);
    expect(slipFromText(`  ${CODE.toLowerCase()} `)).toBe(CODE.toLowerCase());
    expect(slipFromText('http://10.0.0.2/booth/c#other=1')).toBe('http://10.0.0.2/booth/c#other=1');
    expect(slipFromFragment('')).toBeNull();
    expect(slipFromFragment('#slip=')).toBeNull();
  });

  it('spots addresses that phones in the room cannot open', () => {
    expect(isLoopbackOrigin('http://localhost:3000')).toBe(true);
    expect(isLoopbackOrigin('http://127.0.0.1:3000')).toBe(true);
    expect(isLoopbackOrigin('http://[::1]:3000')).toBe(true);
    expect(isLoopbackOrigin('http://192.168.1.10:3000')).toBe(false);
    expect(isLoopbackOrigin('not a url')).toBe(false);
  });

  it('normalises a typed origin and refuses what is not http(s)', () => {
    expect(parseOrigin(' http://192.168.1.10:3000/booth ')).toBe('http://192.168.1.10:3000');
    expect(parseOrigin('ftp://x')).toBeNull();
    expect(parseOrigin('192.168.1.10')).toBeNull();
  });
});
