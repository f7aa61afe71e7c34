// The crypto suite in Chromium: known answers, round trips, a failing mutation, and the booth's timing.
import { describe, expect, it } from 'vitest';
import { runCryptoInChromium } from './crypto-browser.js';

describe('src/crypto in Chromium', () => {
  it('passes the known answers and round trips, and encrypts a 44-person ballot in ≤ 300 ms', async () => {
    const report = await runCryptoInChromium(5);
    console.log(
      `${report.userAgent}\n44-person ballot: median ${report.encrypt44Ms.toFixed(0)} ms, fastest ${report.encrypt44MinMs.toFixed(0)} ms; verify ${report.verifyPerLineMs.toFixed(3)} ms/line`,
    );
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.checks.length).toBeGreaterThanOrEqual(11);
    // the goal of issue 6, on the fastest of 5 runs so that a busy CI machine does not fail it
    expect(report.encrypt44MinMs).toBeLessThanOrEqual(300);
  }, 180_000);
});
