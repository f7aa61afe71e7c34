// Node side of the Chromium crypto run: bundles e2e/crypto-browser-entry.ts with Vite, serves it on
// 127.0.0.1 and runs it in Debian's Chromium through playwright-core. Used by the e2e test and the bench.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import type { BrowserReport } from './crypto-browser-entry.js';

/** Path of Debian's chromium (`apt-get install -y chromium`), or undefined. */
export function chromiumPath(): string | undefined {
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Bundles, serves and runs the crypto suite in Chromium; returns what the page reported. */
export async function runCryptoInChromium(runs = 5): Promise<BrowserReport> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('chromium not found: apt-get install -y chromium');
  const dir = await mkdtemp(join(tmpdir(), 'tinnhiem-crypto-browser-'));
  const server = createServer();
  try {
    await build({
      configFile: false,
      logLevel: 'silent',
      build: {
        outDir: dir,
        emptyOutDir: true,
        minify: false,
        target: 'es2022',
        lib: {
          entry: new URL('./crypto-browser-entry.ts', import.meta.url).pathname,
          formats: ['es'],
          fileName: () => 'crypto.js',
        },
      },
    });
    const js = await readFile(join(dir, 'crypto.js'));
    const html = `<!doctype html><meta charset="utf-8"><script type="module">
      import { run } from './crypto.js';
      window.__report = await run(${runs});
    </script>`;
    server.on('request', (req, res) => {
      if (req.url === '/crypto.js')
        res.writeHead(200, { 'content-type': 'text/javascript' }).end(js);
      else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const browser = await chromium.launch({
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`http://127.0.0.1:${port}/`);
      await page
        .waitForFunction(
          () => (window as unknown as { __report?: unknown }).__report !== undefined,
          undefined,
          {
            timeout: 120_000,
            polling: 200,
          },
        )
        .catch((e: unknown) => {
          throw new Error(`the page did not report: ${errors.join('; ') || String(e)}`);
        });
      return (await page.evaluate(
        () => (window as unknown as { __report: unknown }).__report,
      )) as BrowserReport;
    } finally {
      await browser.close();
    }
  } finally {
    server.close();
    await rm(dir, { recursive: true, force: true });
  }
}
