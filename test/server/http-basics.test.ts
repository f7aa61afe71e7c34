// The HTTP layer on the real app and store: one error shape (no stack trace), CSRF and Origin, security
// headers, body limits, upload content checks, static files with SPA fallback, and a valid OpenAPI document.

import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_STATUS } from '../../src/server/errors.js';
import { storeFailure } from '../../src/server/http/build-app.js';
import { buildWorld, type World } from './fixture.js';
import { makeZip, minimalPdf } from './sample-files.js';
import { Client, openTestApp, sessionClient, type TestApp } from './harness.js';

let t: TestApp;
let world: World;
let webRoot: string;

beforeAll(async () => {
  webRoot = mkdtempSync(join(tmpdir(), 'tn-web-'));
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(
    join(webRoot, 'index.html'),
    '<!doctype html><title>Tín nhiệm</title><script type="module" src="/assets/app-1234.js"></script>',
  );
  writeFileSync(join(webRoot, 'assets', 'app-1234.js'), 'console.log(1)');
  t = await openTestApp(
    'sqlite',
    { TINNHIEM_MAX_JSON_BYTES: '2048', TINNHIEM_MAX_UPLOAD_BYTES: '4096' },
    webRoot,
  );
  world = await buildWorld(t.store);
}, 60_000);
afterAll(async () => t?.close());

type ErrorJson = { error: { code: string; message: string; field?: string } };

describe('error format', () => {
  it('answers every failure as { error: { code, message, field? } } with the mapped status', async () => {
    const org = await sessionClient(t, world.users.organiser);
    const cases: [Response, number, string][] = [
      [await new Client(t).request('GET', '/api/units'), 401, 'unauthenticated'],
      [
        await (await sessionClient(t, world.users.voter)).request('GET', '/api/units'),
        403,
        'forbidden',
      ],
      [await org.request('GET', '/api/rounds/khong-co'), 404, 'not_found'],
      [await org.request('GET', '/api/khong-co-dau'), 404, 'not_found'],
      [
        await org.request('POST', '/api/units', {
          code: '',
          name: 'X',
          parentId: world.ids.unitId,
        }),
        400,
        'validation_failed',
      ],
      [
        await org.request('POST', '/api/rounds', new TextEncoder().encode('{'), {
          'content-type': 'application/json',
        }),
        400,
        'invalid_json',
      ],
      [
        await org.request('POST', '/api/rounds', { x: 1 }, { 'content-type': 'text/plain' }),
        415,
        'unsupported_media_type',
      ],
      [
        await org.request('POST', '/api/rounds', { title: 'x'.repeat(3000) }),
        413,
        'payload_too_large',
      ],
    ];
    for (const [res, status, code] of cases) {
      const body = (await res.json()) as ErrorJson;
      expect([res.status, body.error.code]).toEqual([status, code]);
      expect(typeof body.error.message).toBe('string');
      expect(ERROR_STATUS[code as keyof typeof ERROR_STATUS]).toBe(status);
    }
  });

  it('hides internal errors: no stack, no path, no driver message; the log has them', async () => {
    const broken = await openTestApp();
    await broken.store.close();
    const res = await broken.app.request('/api/health');
    const text = await res.text();
    expect(res.status).toBe(500);
    expect(JSON.parse(text)).toEqual({
      error: {
        code: 'internal_error',
        message: 'Something went wrong on the server; it has been logged.',
      },
    });
    expect(text).not.toMatch(/\.ts|\.js|at |sqlite|destroy/i);
    expect(broken.errors.join('\n')).toMatch(/internal error on GET \/api\/health/);
  });
});

describe('database down or busy', () => {
  it('maps driver codes to store_unavailable / store_locked (503), anything else stays internal', () => {
    expect(storeFailure({ code: 'ECONNREFUSED' })?.code).toBe('store_unavailable');
    expect(storeFailure({ code: '08006' })?.code).toBe('store_unavailable');
    expect(storeFailure({ code: '57P01' })?.code).toBe('store_unavailable');
    expect(storeFailure({ code: 'SQLITE_BUSY' })?.code).toBe('store_locked');
    expect(storeFailure({ code: '23505' })).toBeNull();
    expect(storeFailure(new Error('x'))).toBeNull();
    expect(ERROR_STATUS.store_unavailable).toBe(503);
    expect(ERROR_STATUS.store_locked).toBe(503);
  });
});

describe('CSRF and Origin', () => {
  it('refuses a signed-in state change without the token, with a wrong one, or from another site', async () => {
    const org = await sessionClient(t, world.users.organiser);
    const body = { code: 'NEW', name: 'Đơn vị mới', parentId: world.ids.unitId };
    const cases: [Record<string, string>, string][] = [
      [{ 'x-csrf-token': '' }, 'csrf_failed'],
      [{ 'x-csrf-token': 'anonymous' }, 'csrf_failed'],
      [{ 'x-csrf-token': 'sai' }, 'csrf_failed'],
      [{ origin: 'https://evil.example' }, 'origin_rejected'],
      [{ origin: 'null' }, 'origin_rejected'],
    ];
    for (const [headers, code] of cases) {
      const res = await org.request('POST', '/api/units', body, headers);
      expect([res.status, ((await res.json()) as ErrorJson).error.code]).toEqual([403, code]);
    }
    const noOrigin = await org.request('POST', '/api/units', body, {
      origin: '',
      'sec-fetch-site': 'cross-site',
    });
    expect(noOrigin.status).toBe(403);
    expect(await t.store.units.getByCode('NEW')).toBeNull();
    expect((await org.request('POST', '/api/units', body)).status).toBe(201);
  });
});

describe('headers and files', () => {
  it('sets CSP without inline scripts, frame-ancestors, nosniff and Referrer-Policy everywhere', async () => {
    for (const path of ['/api/health', '/api/khong-co', '/', '/rounds/1', '/assets/app-1234.js']) {
      const res = await t.app.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
    expect((await t.app.request('/api/health')).headers.get('cache-control')).toBe('no-store');
  });

  it('serves web/dist with SPA fallback, 404s a missing asset, never leaves the folder', async () => {
    let res = await t.app.request('/assets/app-1234.js');
    expect(res.headers.get('content-type')).toContain('javascript');
    expect(res.headers.get('cache-control')).toContain('immutable');
    res = await t.app.request('/dot/123/hoi-nghi');
    expect(await res.text()).toContain('Tín nhiệm');
    expect((await t.app.request('/assets/missing.js')).status).toBe(404);
    res = await t.app.request('/..%2f..%2f..%2fetc%2fpasswd');
    expect(await res.text()).not.toContain('root:');
    expect((await t.app.request('/', { method: 'DELETE' })).status).toBe(405);
  });

  it('shows a plain page when web/dist is missing', async () => {
    const bare = await openTestApp();
    try {
      const res = await bare.app.request('/');
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('npm run build');
    } finally {
      await bare.close();
    }
  });

  it('checks uploads by content and size: a ZIP without word/document.xml is not a DOCX', async () => {
    const org = await sessionClient(t, world.users.organiser);
    const path = `/api/conferences/${world.ids.conferenceId}/persons/${world.ids.personId}/report`;
    const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    const notDocx = makeZip([['word/other.xml', '<x/>']]);
    let res = await org.request('PUT', path, notDocx, {
      'content-type': docxType,
      'x-file-name': 'bao-cao.docx',
    });
    expect([res.status, ((await res.json()) as ErrorJson).error.code]).toEqual([
      415,
      'unsupported_media_type',
    ]);
    res = await org.request('PUT', path, new Uint8Array(5000).fill(0x41), {
      'content-type': 'application/pdf',
    });
    expect([res.status, ((await res.json()) as ErrorJson).error.code]).toEqual([
      413,
      'payload_too_large',
    ]);
    res = await org.request('PUT', path, minimalPdf(), { 'content-type': 'image/png' });
    expect(res.status).toBe(415);
    res = await org.request('PUT', path, minimalPdf(), {
      'content-type': 'application/pdf',
      'x-file-name': encodeURIComponent('../../Báo cáo\u0000.pdf'),
    });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { fileName: string }).fileName).toBe('Báo cáo.pdf');
  });
});

describe('OpenAPI document', () => {
  it('is OpenAPI 3, every operation has a summary, tag, roles, its path parameters and the error schema; every $ref resolves', async () => {
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as {
      openapi: string;
      paths: Record<
        string,
        Record<
          string,
          {
            summary?: string;
            tags?: string[];
            'x-roles'?: string[];
            parameters?: { name: string; in: string }[];
            responses: Record<string, unknown>;
          }
        >
      >;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toMatch(/^3\.0\./);
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const where = `${method} ${path}`;
        expect(op.summary, where).toBeTruthy();
        expect(op.tags?.length, where).toBe(1);
        expect(op['x-roles']?.length, where).toBeGreaterThan(0);
        expect(JSON.stringify(op.responses.default), where).toContain('#/components/schemas/Error');
        const declared = (op.parameters ?? [])
          .filter((p) => p.in === 'path')
          .map((p) => p.name)
          .sort();
        const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect(declared, where).toEqual(inPath);
      }
    }
    const refs = [
      ...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g),
    ].map((m) => m[1]!);
    for (const ref of new Set(refs)) expect(doc.components.schemas[ref], ref).toBeDefined();
  });
});
