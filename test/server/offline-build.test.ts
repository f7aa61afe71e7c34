// The room works without internet (issue 7 §6): the built web app (index.html and every asset) loads
// nothing from another host. Absolute URLs may appear only as names that are never fetched (XML
// namespaces, JSON-schema ids, React's error-page links), and CSS refers to its own files only.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIST = join(import.meta.dirname, '..', '..', 'web', 'dist');

/** Hosts whose URLs are identifiers in library code, not addresses the page loads. */
const NAME_ONLY_HOSTS = new Set(['www.w3.org', 'json-schema.org', 'react.dev']);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

describe('offline build (web/dist)', () => {
  // web/dist is made by `npm run build` (npm ci runs it through `prepare`).
  const all = existsSync(DIST) ? files(DIST) : [];
  const text = all.filter((f) => /\.(html|js|css|svg|json|webmanifest)$/.test(f));

  it('has the page, scripts, styles and the local fonts', () => {
    expect(all.some((f) => f.endsWith('index.html'))).toBe(true);
    expect(text.some((f) => f.endsWith('.js'))).toBe(true);
    expect(text.some((f) => f.endsWith('.css'))).toBe(true);
    expect(all.some((f) => /\.(woff2?|ttf|otf)$/.test(f))).toBe(true);
  });

  it('names no other host except as a never-fetched identifier', () => {
    const offenders: string[] = [];
    for (const file of text) {
      const body = readFileSync(file, 'utf8');
      for (const m of body.matchAll(/\b(?:https?|wss?|ftp):\/\/([a-z0-9][a-z0-9.-]*)/gi)) {
        const host = m[1]!.toLowerCase();
        if (!NAME_ONLY_HOSTS.has(host))
          offenders.push(
            `${file.slice(DIST.length + 1)}: ${m[0]} …${body.slice(m.index, m.index + 80)}`,
          );
      }
    }
    expect(offenders).toEqual([]);
  });

  it('CSS loads only its own files: no remote or protocol-relative url(), no @import', () => {
    const offenders: string[] = [];
    for (const file of text.filter((f) => f.endsWith('.css'))) {
      const body = readFileSync(file, 'utf8');
      if (/@import/i.test(body)) offenders.push(`${file}: @import`);
      for (const m of body.matchAll(/url\(\s*['"]?([^'")]+)/gi)) {
        const target = m[1]!;
        if (!/^(\/(?!\/)|\.\/|[\w-]+\.)/.test(target) || /^[a-z]+:/i.test(target))
          offenders.push(`${file}: url(${target})`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('the page itself loads scripts and styles from this server only', () => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    const refs = [...html.matchAll(/\b(?:src|href)="([^"]+)"/gi)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((r) => !r.startsWith('/') || r.startsWith('//'))).toEqual([]);
  });
});
