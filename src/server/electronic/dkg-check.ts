// A trustee's check of the shares it received (spec §8.2–§8.3): its complaints, none if all were good.

import type { DkgComplaint } from '../../crypto/index.js';

/** The body of a `dkg_check` message; its complaints enter the record as `dkg_complaint` events. */
export interface DkgCheck {
  trustee: number;
  complaints: DkgComplaint[];
}
