// Server configuration: defaults, fail-fast messages, no secret in the environment.

import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/server/config.js';

describe('parseConfig', () => {
  it('gives the documented defaults', () => {
    const r = parseConfig({}, '/srv/app');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.port).toBe(3000);
    expect(r.value.dataDir).toBe('/srv/app/data');
    expect(r.value.databaseUrl).toBeNull();
    expect(r.value.publicUrl).toBeNull();
    expect(r.value.secureCookies).toBe(false);
    expect(r.value.sessionMinutes).toBe(720);
  });

  it('reads PORT, TINNHIEM_DATA, DATABASE_URL and PUBLIC_URL', () => {
    const r = parseConfig(
      {
        PORT: '8080',
        TINNHIEM_DATA: 'var/tn',
        DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
        PUBLIC_URL: 'https://tinnhiem.example.vn/path',
      },
      '/srv',
    );
    expect(r.ok && r.value).toMatchObject({
      port: 8080,
      dataDir: '/srv/var/tn',
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/test',
      publicUrl: 'https://tinnhiem.example.vn',
      secureCookies: true,
    });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['PUBLIC_URL', 'ftp://x'],
    ['TINNHIEM_SESSION_MINUTES', '1'],
    ['TINNHIEM_LOG', 'loud'],
  ])('fails fast on %s=%s naming the variable', (name, value) => {
    const r = parseConfig({ [name]: value }, '/');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid_config');
    expect(r.error.field).toBe(name);
    expect(r.error.message).toContain(name);
    expect(r.error.message).toContain(value);
  });

  it('has no field that could hold a secret with a default', () => {
    const r = parseConfig({}, '/');
    if (!r.ok) throw new Error('defaults must parse');
    expect(Object.keys(r.value).filter((k) => /secret|key|password|token/i.test(k))).toEqual([]);
  });
});
