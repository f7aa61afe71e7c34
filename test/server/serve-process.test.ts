// Starts the real server process (`tinnhiem serve` from source) on a free port with a temporary data folder,
// follows the printed setup link once, reads the OpenAPI document, and stops it with SIGTERM.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

function startServer(dataDir: string): {
  child: ChildProcess;
  output: () => string;
  waitFor: (re: RegExp) => Promise<RegExpMatchArray>;
} {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'test/server/serve-entry.ts'), 'serve', '--port', '0'],
    {
      cwd: ROOT,
      env: { ...process.env, TINNHIEM_DATA: dataDir, DATABASE_URL: '', PORT: '', PUBLIC_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const waitFor = (re: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const deadline = setTimeout(
        () => reject(new Error(`timed out waiting for ${re}; output:\n${out}`)),
        25_000,
      );
      const check = () => {
        const m = out.match(re);
        if (m) {
          clearTimeout(deadline);
          resolve(m);
        } else if (child.exitCode !== null) {
          clearTimeout(deadline);
          reject(new Error(`server exited ${child.exitCode}; output:\n${out}`));
        } else setTimeout(check, 50);
      };
      check();
    });
  return { child, output: () => out, waitFor };
}

describe('tinnhiem serve (real process)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tn-serve-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints the URL and a one-time setup link, serves the API, and stops on SIGTERM', async () => {
    const server = startServer(dataDir);
    try {
      const [, url] = await server.waitFor(/(http:\/\/localhost:\d+)\/ /);
      const [, token] = await server.waitFor(/\/setup\?token=([A-Za-z0-9_-]{43})/);
      const doc = (await (await fetch(`${url}/api/openapi.json`)).json()) as {
        paths: Record<string, unknown>;
      };
      expect(Object.keys(doc.paths)).toContain('/api/setup');
      expect(((await (await fetch(`${url}/api/setup`)).json()) as { needed: boolean }).needed).toBe(
        true,
      );
      const setup = (t: string) =>
        fetch(`${url}/api/setup`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-csrf-token': 'anonymous',
            origin: url!,
          },
          body: JSON.stringify({
            token: t,
            username: 'quantri',
            displayName: 'Quản trị viên',
            password: 'mật khẩu rất dài 2026',
          }),
        });
      const first = await setup(token!);
      expect(first.status).toBe(201);
      expect(first.headers.get('set-cookie')).toMatch(/HttpOnly/i);
      const again = await setup(token!);
      expect(again.status).toBe(409);
      // The log has one line per request and never the token.
      expect(server.output()).toMatch(/POST \/api\/setup 201/);
      expect(server.output().split(token!).length).toBe(2);
      server.child.kill('SIGTERM');
      const code = await new Promise<number | null>((resolve) => server.child.on('exit', resolve));
      expect(code).toBe(0);
      expect(server.output()).toContain('stopped');
    } finally {
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
    }
  });

  it('prints no setup link on a restart once an administrator exists; a second process gets store_locked', async () => {
    const server = startServer(dataDir);
    try {
      await server.waitFor(/http:\/\/localhost:\d+\/ /);
      await new Promise((r) => setTimeout(r, 300));
      expect(server.output()).not.toContain('setup?token=');
      const second = startServer(dataDir);
      const code = await new Promise<number | null>((resolve) => second.child.on('exit', resolve));
      expect(code).toBe(1);
      expect(second.output()).toMatch(/error \[store_locked\]/);
      server.child.kill('SIGINT');
      expect(await new Promise((resolve) => server.child.on('exit', resolve))).toBe(0);
    } finally {
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
    }
  });
});
