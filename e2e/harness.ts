// End-to-end harness: starts the REAL server (`tinnhiem serve` from source) with a temporary data folder, reads its
// setup link, launches Debian's Chromium through playwright-core, keeps screenshots in test-results/e2e, cleans up.

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';

/** The repository root. */
export const ROOT = join(import.meta.dirname, '..');
/** Where screenshots and other artefacts go (gitignored). */
export const ARTEFACTS = join(ROOT, 'test-results', 'e2e');

/** A running server process. */
export interface E2eServer {
  /** e.g. http://localhost:39211 */
  readonly url: string;
  /** The one-time setup link printed at first start. */
  readonly setupUrl: string;
  /** Everything the process printed so far. */
  readonly output: () => string;
  /** SIGTERM, wait for the exit, remove the data folder. */
  readonly stop: () => Promise<void>;
}

/**
 * Starts `serve --port 0` from source with a fresh SQLite folder. The web app must be built already
 * (`npm run build` makes web/dist); the harness builds nothing itself.
 */
export async function startServer(): Promise<E2eServer> {
  if (!existsSync(join(ROOT, 'web', 'dist', 'index.html'))) {
    throw new Error('web/dist is missing: run `npm run build` before the end-to-end tests.');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'tn-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'e2e', 'serve-entry.ts'), 'serve', '--port', '0'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        TINNHIEM_DATA: dataDir,
        DATABASE_URL: '',
        PORT: '',
        PUBLIC_URL: '',
        HOST: '127.0.0.1',
        TINNHIEM_LOG: 'silent',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const waitFor = (re: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const started = Date.now();
      const check = () => {
        const m = out.match(re);
        if (m) resolve(m);
        else if (child.exitCode !== null)
          reject(new Error(`server exited ${child.exitCode}:\n${out}`));
        else if (Date.now() - started > 60_000)
          reject(new Error(`timed out waiting for ${re}:\n${out}`));
        else setTimeout(check, 50);
      };
      check();
    });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const [, url] = await waitFor(/(http:\/\/localhost:\d+)\/ /);
    const [setupUrl] = await waitFor(/http:\/\/\S+\/setup\?token=[A-Za-z0-9_-]+/);
    return { url: url!, setupUrl: setupUrl, output: () => out, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** The path of Debian's Chromium (`which chromium`); never a downloaded browser. */
export function chromiumPath(): string {
  const path = execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  if (path === '') throw new Error('chromium is not installed: apt-get install -y chromium');
  return path;
}

/** Launches headless Chromium with the project's flags. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** A fresh context (its own cookies: one person), Vietnamese, in Vietnam's time zone. */
export async function newPerson(
  browser: Browser,
  viewport: { width: number; height: number } = { width: 1280, height: 900 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const page = await context.newPage();
  return { context, page };
}

/** Saves a screenshot (the full page, or the viewport) as test-results/e2e/<name>.png and returns its path. */
export async function shot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(ARTEFACTS, { recursive: true });
  const path = join(ARTEFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/** Saves a screenshot of one element (a panel of a long page) as test-results/e2e/<name>.png. */
export async function shotOf(locator: Locator, name: string): Promise<string> {
  mkdirSync(ARTEFACTS, { recursive: true });
  const path = join(ARTEFACTS, `${name}.png`);
  await locator.screenshot({ path });
  return path;
}

/** Writes a fixture file (CSV …) into a temporary folder and returns its path, for <input type=file>. */
export function fixtureFile(name: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'tn-e2e-files-'));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Console errors and failed requests of a page (CSP violations show up here), for asserting none. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}
