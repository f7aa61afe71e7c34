// Loads the sample data of the five seed reports into a store (`tinnhiem demo`, the first-start button).

import { err, ok, type Failure, type Result } from '../../rules/index.js';
import { AGREEING_COMMENTS, DEMO_SEEDS, type DemoSeed } from '../../core/demo/index.js';
import type { Actor, Id } from '../../core/model/index.js';
import { proposeConferenceSubjects } from '../services/propose-conference-subjects.js';
import type { Repositories, Store, StoreResult } from '../store.js';

/** Settings key holding the DemoManifest once the demo is loaded. */
export const DEMO_SETTING_KEY = 'demo.loaded';

/** The actor the demo loader acts as in the audit log. */
export const DEMO_ACTOR: Actor = { userId: null, label: 'demo' };

/** Where the demo went: ids by seed and conference key (issue 4's end-to-end tests start from these). */
export interface DemoManifest {
  readonly version: 1;
  readonly loadedAt: string;
  readonly rounds: Readonly<Record<string, Id>>;
  readonly conferences: Readonly<Record<string, Id>>;
}

/** Counts of what the demo created. */
export interface DemoSummary {
  readonly manifest: DemoManifest;
  readonly units: number;
  readonly persons: number;
  readonly positions: number;
  readonly rounds: number;
  readonly conferences: number;
  readonly subjects: number;
  readonly excluded: number;
  readonly participants: number;
  readonly questions: number;
}

/** Why the demo was not loaded. */
export type DemoFailure = Failure<'demo_already_loaded' | 'demo_conflict'>;

/**
 * Loads the demo in one transaction: units, persons and positions, each seed's round and conferences,
 * the proposals (exclusions with the rule set's reasons) confirmed as proposed, the summoned lists,
 * Móng Cái's 142 comments, every conference moved to "prepared". Everything is flagged as sample data.
 * Refuses with `demo_already_loaded` when it was loaded before (idempotent), `demo_conflict` when a
 * demo unit code is already taken.
 */
export async function loadDemo(
  store: Store,
  options: {
    readonly actor?: Actor;
    readonly seeds?: readonly DemoSeed[];
    /** Time recorded in the manifest; default now. */
    readonly now?: string;
  } = {},
): Promise<Result<DemoSummary, DemoFailure>> {
  const actor = options.actor ?? DEMO_ACTOR;
  const now = options.now ?? new Date().toISOString();
  const seeds = options.seeds ?? DEMO_SEEDS;
  // Checked inside the transaction too, so that two loads at once (a double click) load once.
  return store.transaction(async (tx): Promise<Result<DemoSummary, DemoFailure>> => {
    const loaded = (await tx.settings.get(DEMO_SETTING_KEY)) as DemoManifest | null;
    if (loaded) {
      return err({
        code: 'demo_already_loaded',
        message: `Dữ liệu mẫu đã được nạp lúc ${loaded.loadedAt} / the demo data was already loaded at ${loaded.loadedAt}.`,
      });
    }
    for (const seed of seeds) {
      for (const unit of seed.units) {
        if (await tx.units.getByCode(unit.code)) {
          return err({
            code: 'demo_conflict',
            field: 'code',
            message: `Mã đơn vị "${unit.code}" đã có / unit code "${unit.code}" is already taken.`,
          });
        }
      }
    }
    const result = await loadSeeds(tx, actor, seeds, now);
    if (!result.ok)
      throw new Error(`demo load failed: ${result.error.code}: ${result.error.message}`);
    return ok(result.value);
  });
}

async function loadSeeds(
  tx: Repositories,
  actor: Actor,
  seeds: readonly DemoSeed[],
  now: string,
): Promise<StoreResult<DemoSummary>> {
  const count = {
    units: 0,
    persons: 0,
    positions: 0,
    rounds: 0,
    conferences: 0,
    subjects: 0,
    excluded: 0,
    participants: 0,
    questions: 0,
  };
  const rounds: Record<string, Id> = {};
  const conferences: Record<string, Id> = {};
  for (const seed of seeds) {
    const unitIds = new Map<string, Id>();
    for (const unit of seed.units) {
      const parentId = unit.parentCode === null ? null : (unitIds.get(unit.parentCode) ?? null);
      const created = await tx.units.create(actor, { ...unit, parentId, sample: true });
      if (!created.ok) return created;
      unitIds.set(unit.code, created.value.id);
      count.units++;
    }
    const unitId = (code: string): Id => {
      const id = unitIds.get(code);
      if (id === undefined) throw new Error(`demo ${seed.key}: unknown unit code ${code}`);
      return id;
    };
    const personIds = new Map<string, Id>();
    for (const person of seed.persons) {
      const created = await tx.persons.create(actor, {
        fullName: person.fullName,
        gender: person.gender,
        birthYear: person.birthYear,
        sample: true,
      });
      if (!created.ok) return created;
      personIds.set(person.fullName, created.value.id);
      count.persons++;
      for (const position of person.positions) {
        const holding = await tx.positions.create(actor, {
          personId: created.value.id,
          unitId: unitId(position.unitCode),
          title: position.title,
          startDate: position.startDate,
          rank: position.rank,
          ...(position.placeKind ? { placeKind: position.placeKind } : {}),
          retirementNotified: position.retirementNotified ?? false,
          sample: true,
        });
        if (!holding.ok) return holding;
        count.positions++;
      }
    }
    const round = await tx.rounds.create(actor, {
      plan: seed.round.plan,
      title: seed.round.title,
      ruleSetId: seed.round.ruleSetId,
      year: seed.round.year,
      unitIds: seed.round.unitCodes.map(unitId),
      ...(seed.round.placePriority ? { placePriority: seed.round.placePriority } : {}),
      sample: true,
    });
    if (!round.ok) return round;
    rounds[seed.key] = round.value.id;
    count.rounds++;
    for (const conference of seed.conferences) {
      const created = await tx.conferences.create(actor, {
        roundId: round.value.id,
        unitId: unitId(conference.unitCode),
        title: conference.title,
        date: conference.date,
        place: conference.place,
        chair: conference.chair,
        ...(conference.ruleSetId ? { ruleSetId: conference.ruleSetId } : {}),
        localPlan: conference.localPlan,
        sample: true,
      });
      if (!created.ok) return created;
      conferences[conference.key] = created.value.id;
      count.conferences++;
    }
    // Proposals once every conference of the round exists: the two-place cap looks at all of them.
    for (const conference of seed.conferences) {
      const id = conferences[conference.key]!;
      const subjects = await proposeConferenceSubjects(tx, actor, id);
      if (!subjects.ok) return subjects;
      for (const subject of subjects.value) {
        const decided = await tx.subjects.decide(actor, subject.id, { decision: subject.proposal });
        if (!decided.ok) return decided;
        count.subjects++;
        if (subject.proposal === 'exclude') count.excluded++;
      }
      const participantIds: Id[] = [];
      for (const participant of conference.participants) {
        const created = await tx.participants.create(actor, {
          conferenceId: id,
          fullName: participant.fullName,
          unitName: participant.unitName,
          position: participant.position,
          personId: personIds.get(participant.fullName) ?? null,
          sample: true,
        });
        if (!created.ok) return created;
        participantIds.push(created.value.id);
        count.participants++;
      }
      const votedOn = subjects.value.filter((s) => s.proposal === 'vote');
      const total = conference.comments.count;
      for (let i = 0; i < total && votedOn.length > 0 && participantIds.length > 0; i++) {
        const clarification = i < conference.comments.clarifications;
        const asked = await tx.questions.ask(actor, {
          conferenceId: id,
          personId: votedOn[i % votedOn.length]!.personId,
          participantId: participantIds[(i * 7) % participantIds.length]!,
          kind: clarification ? 'clarification' : 'comment',
          text: clarification
            ? 'Đề nghị đồng chí làm rõ thêm kết quả thực hiện nhiệm vụ được giao.'
            : AGREEING_COMMENTS[i % AGREEING_COMMENTS.length]!,
        });
        if (!asked.ok) return asked;
        count.questions++;
      }
      const prepared = await tx.conferences.transition(actor, id, 'prepared');
      if (!prepared.ok) return prepared;
    }
  }
  const manifest: DemoManifest = {
    version: 1,
    loadedAt: now,
    rounds,
    conferences,
  };
  await tx.settings.set(actor, DEMO_SETTING_KEY, manifest);
  return ok({ manifest, ...count });
}
