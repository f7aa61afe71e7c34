// English words of the live projector during an electronic vote, key for key with live-vi.ts.

import type { LIVE_VI } from './live-vi.js';

/** The English table of the live projector; spread into en.ts. */
export const LIVE_EN: Record<keyof typeof LIVE_VI, string> = {
  'projector.electronic': 'Electronic voting in progress',
  'projector.ballotsReceived': 'Ballots received / voters present',
  'projector.ballotsLine': 'Received {received} ballots of {present} voters present',
  'projector.openOnPhone': 'Open on your phone',
  'projector.boothQr': 'QR code of the voting address {url}',
  'projector.electronicNote':
    'Only the number of ballots received is shown. The result comes after voting closes and the counting committee decrypts.',
  'projector.loopback':
    'This address opens on this machine only. For phones, run the server with HOST=0.0.0.0 and open the projector page at the machine’s address on the Wi-Fi network.',
  'projector.live': 'Live updates',
} as const;
