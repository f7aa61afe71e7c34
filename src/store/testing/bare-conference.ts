// A conference and nothing else (its own unit and round), for store tests that need one to hang rows on.

import type { Actor } from '../../core/model/index.js';
import type { Store, StoreResult } from '../store.js';

const TEST_ACTOR: Actor = { userId: null, label: 'test' };

function must<T>(r: StoreResult<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** Creates a unit with a fresh code, a round over it and one conference; returns the conference id. */
export async function bareConference(store: Store): Promise<string> {
  const unit = must(
    await store.units.create(TEST_ACTOR, {
      code: `U${Math.random()}`,
      name: 'Huyện ủy',
      parentId: null,
      kind: 'party-committee',
    }),
  );
  const round = must(
    await store.rounds.create(TEST_ACTOR, {
      plan: { number: '1-KH', date: '2023-07-01', issuingBody: 'Ban Thường vụ' },
      title: 'Lấy phiếu',
      ruleSetId: 'qd96-2023',
      year: 2023,
      unitIds: [unit.id],
    }),
  );
  const conference = must(
    await store.conferences.create(TEST_ACTOR, {
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
