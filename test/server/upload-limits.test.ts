// Uploads (issue 8 §4): an XLSX that declares it unpacks to gigabytes (a ZIP bomb) is refused before anything
// is inflated, and nothing changes; a file is judged by its content whatever its name and declared type.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipEntries } from '../../src/server/http/file-type.js';
import { MAX_XLSX_INFLATED_BYTES } from '../../src/server/http/table-file.js';
import { buildWorld, type World } from './fixture.js';
import { openTestApp, sessionClient, type TestApp } from './harness.js';
import { makeZip, minimalPdf } from './sample-files.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let t: TestApp;
let world: World;

beforeAll(async () => {
  t = await openTestApp();
  world = await buildWorld(t.store);
}, 60_000);
afterAll(async () => t?.close());

/** An XLSX-looking ZIP whose central directory claims `size` bytes for its sheet. */
function bomb(size: number): Uint8Array {
  const zip = makeZip([
    ['[Content_Types].xml', '<?xml version="1.0"?><Types/>'],
    ['xl/workbook.xml', '<?xml version="1.0"?><workbook/>'],
    ['xl/worksheets/sheet1.xml', '<x/>'],
  ]);
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // Patch the declared uncompressed size of every central-directory entry.
  for (let i = 0; i + 4 <= zip.length; i++)
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, size, true);
  return zip;
}

describe('uploads', () => {
  it('reads the declared sizes of a ZIP from its central directory', () => {
    expect(zipEntries(bomb(1234))?.map((e) => e.size)).toEqual([1234, 1234, 1234]);
  });

  it('refuses an XLSX import that would unpack past the limit, before inflating it; nothing changes', async () => {
    const org = await sessionClient(t, world.users.organiser);
    const path = `/api/conferences/${world.ids.conferenceId}/participants/import`;
    const before = await t.store.audit.count();
    const res = await org.request('POST', path, bomb(0xffff_fff0), {
      'content-type': XLSX,
      'x-file-name': 'danh-sach.xlsx',
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'payload_too_large', field: 'file' } });
    expect(await t.store.audit.count()).toBe(before);
    expect(MAX_XLSX_INFLATED_BYTES).toBeLessThan(0xffff_fff0);
  });

  it('judges by content: a PDF named .xlsx and sent as XLSX is not a spreadsheet', async () => {
    const org = await sessionClient(t, world.users.organiser);
    const path = `/api/conferences/${world.ids.conferenceId}/participants/import`;
    const res = await org.request('POST', path, minimalPdf(), {
      'content-type': XLSX,
      'x-file-name': 'danh-sach.xlsx',
    });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ error: { code: 'unsupported_media_type' } });
  });
});
