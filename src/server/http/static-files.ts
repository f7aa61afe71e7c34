// Serves the built web app from web/dist (found from the package root, not the working directory), with SPA fallback.

import { existsSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from 'hono';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** The package root: the nearest folder above this file whose package.json is named "tinnhiem". */
export function packageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const name = (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name;
      if (name === 'tinnhiem') return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`package.json of tinnhiem not found above ${from}`);
    dir = parent;
  }
}

const MISSING_PAGE = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Tín nhiệm</title></head>
<body>
<h1>Tín nhiệm</h1>
<p>Chưa có giao diện web: hãy chạy <code>npm run build</code> để tạo thư mục <code>web/dist</code>.
Máy chủ và API (<a href="/api/openapi.json">/api/openapi.json</a>) vẫn hoạt động.</p>
<p lang="en">The web app is not built: run <code>npm run build</code> to create <code>web/dist</code>.
The server and its API are running.</p>
</body></html>
`;

/**
 * A handler for GET/HEAD outside /api: the file under `root` if it exists, else index.html (client-side
 * routes), else a plain page saying the web app is not built. Paths cannot leave `root`.
 */
export function staticFiles(root: string) {
  const base = resolve(root);
  return async (c: Context): Promise<Response> => {
    let relative: string;
    try {
      relative = decodeURIComponent(c.req.path);
    } catch {
      return c.text('Bad path', 400);
    }
    const target = normalize(join(base, relative));
    if ((target === base || target.startsWith(base + sep)) && !relative.includes('\0')) {
      const file = await fileAt(target);
      if (file !== null) {
        // Vite puts content-hashed names under assets/: cache them for a year; everything else revalidates.
        const immutable = relative.startsWith('/assets/');
        return send(
          c,
          file,
          target,
          immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      }
    }
    // A missing asset is a 404; any other path is a page of the single-page app.
    if (extname(relative) !== '' && !relative.endsWith('.html')) return c.text('Not found', 404);
    const index = join(base, 'index.html');
    const page = await fileAt(index);
    if (page === null) return c.html(MISSING_PAGE, 200, { 'cache-control': 'no-store' });
    return send(c, page, index, 'no-cache');
  };
}

async function fileAt(path: string): Promise<Buffer | null> {
  try {
    if (!(await stat(path)).isFile()) return null;
    return await readFile(path);
  } catch {
    return null;
  }
}

function send(c: Context, bytes: Buffer, path: string, cache: string): Response {
  const type = TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
  const headers = { 'content-type': type, 'cache-control': cache };
  if (c.req.method === 'HEAD') return c.body(null, 200, headers);
  return c.body(new Uint8Array(bytes).buffer, 200, headers);
}
