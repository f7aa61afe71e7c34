// A conference and nothing else (its own unit and round), for store tests that need one to hang rows on.

import type { Actor } from '../../core/model/index.js';
import type { Store } from '../store.js';
import { value } from './store-contract.js';

const TEST_ACTOR: Actor = { userId: null, label: 'test' };

/** Creates a unit with a fresh code, a round over it and one conference; returns the conference id. */
export async function bareConference(store: Store, actor = TEST_ACTOR): Promise<string> {
  const unit = value(
    await store.units.create(actor, {
      code: `U${Math.random()}`,
      name: 'Huyện ủy',
      parentId: null,
      kind: 'party-committee',
    }),
  );
  const round = value(
    await store.rounds.create(actor, {
      plan: { number: '1-KH', date: '2023-07-01', issuingBody: 'Ban Thường vụ' },
      title: 'Lấy phiếu',
      ruleSetId: 'qd96-2023',
      year: 2023,
      unitIds: [unit.id],
    }),
  );
  const conference = value(
    await store.conferences.create(actor, {
      roundId: round.id,
      unitId: unit.id,
      title: 'Hội nghị',
      date: '2023-09-29',
      place: 'Hội trường',
      chair: 'Chủ trì',
    }),
  );
  return conference.id;
}
