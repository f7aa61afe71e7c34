// A store worth backing up, built through the API: a paper conference counted by double entry, confirmed and
// published, and an electronic one from key ceremony to decryption (trustees 1, 3, 5), with one member's
// one-time sign-in code pending.

import {
  type ElectionContext,
  type LineChoice,
  elemFromHex,
  encryptBallot,
  hexToBytes,
  partialDecrypt,
  signBallot,
  systemRandom,
} from '../../src/crypto/index.js';
import type {
  BoothInfoDto,
  ElectionOverviewDto,
  TrusteeViewDto,
} from '../../src/server/routes/election-schemas.js';
import type { CommitteeCodeDto, CommitteeMemberDto } from '../../src/server/api-types.js';
import { buildDayWorld } from '../server/conference-day-world.js';
import { openElection } from '../server/electronic-driver.js';
import { buildElectronicWorld } from '../server/electronic-world.js';
import { sessionClient, type Client, type TestApp } from '../server/harness.js';

/** Ids and callers of the world, for reading it back. */
export interface BackupWorld {
  readonly paperId: string;
  readonly electronicId: string;
  /** The organiser of the paper conference (username and password, to sign in after a restore). */
  readonly paperOrganiser: { readonly username: string; readonly password: string };
  readonly pendingCommitteeCode: string;
  readonly paperOrganiserClient: Client;
  readonly electronicOrganiserClient: Client;
}

/** The paper conference's ballots (3 lines): entered the same by both members. */
const BALLOTS = ['133', '133', '123', '211', '0x2'];

/** Builds both conferences in `t`'s store. */
export async function buildBackupWorld(t: TestApp): Promise<BackupWorld> {
  const random = systemRandom;
  // Paper.
  const w = await buildDayWorld(t, { persons: 3, participants: 6, unitCode: 'LS' });
  const C = `/api/conferences/${w.conferenceId}`;
  await w.organiser.json('POST', `${C}/start`, { start: true });
  const [u1, u2, u3] = w.committeeUsers;
  for (const [k, userId] of [u1, u2, u3].entries())
    await w.organiser.json(
      'POST',
      `${C}/committee`,
      { fullName: `Thành viên ${k + 1}`, isHead: k === 0, userId },
      201,
    );
  const head = await sessionClient(t, u1!);
  const second = await sessionClient(t, u2!);
  const extra = await w.organiser.json<CommitteeMemberDto>(
    'POST',
    `${C}/committee`,
    { fullName: 'Nông Văn Tư' },
    201,
  );
  const code = await w.organiser.json<CommitteeCodeDto>(
    'POST',
    `${C}/committee/${extra.id}/code`,
    undefined,
    201,
  );
  for (const id of w.participantIds)
    await w.organiser.json('PUT', `${C}/roll-call/${id}`, { attendance: 'present' });
  await head.json('PUT', `${C}/counting/sheets/all/accounting`, {
    issued: 5,
    collected: 5,
    spoiledExchanged: 0,
  });
  for (const [i, marks] of BALLOTS.entries())
    for (const [who, slot] of [
      [head, 'a'],
      [second, 'b'],
    ] as const)
      await who.json('PUT', `${C}/counting/sheets/all/ballots/${i + 1}/${slot}`, {
        clientId: `bk-${i}-${slot}`,
        version: 1,
        void: false,
        marks,
      });
  await head.json('POST', `${C}/result/confirm`, { confirm: true });
  await w.organiser.json('POST', `${C}/publication`, { scope: 'public' });

  // Electronic.
  const e = await buildElectronicWorld(t.store, 12, 3);
  const election = await openElection(t, e);
  const booth = await election.anon.json<BoothInfoDto>('GET', `${election.P}/booth`);
  const ctx: ElectionContext = {
    F: hexToBytes(booth.fingerprint),
    Y: elemFromHex(booth.publicKey)!,
    base: BigInt(booth.base),
  };
  const LEVELS: LineChoice[] = ['high', 'confidence', 'low', 'blank', 'high'];
  for (const [v, voter] of election.voters.slice(0, 9).entries()) {
    const style = booth.manifest.styles.find((s) => s.id === voter.style)!;
    const { ballot } = encryptBallot(
      ctx,
      voter.cred.public,
      style,
      style.persons.map((_, k) => LEVELS[(v + k) % LEVELS.length]!),
      random,
    );
    await election.anon.json(
      'POST',
      `${election.P}/ballots`,
      { ballot: signBallot(ctx, ballot, voter.cred, random) },
      201,
    );
  }
  await election.org.json<ElectionOverviewDto>('POST', `${election.C}/close`, { close: true });
  for (const j of [1, 3, 5]) {
    const trustee = election.trustees[j - 1]!;
    const view = await trustee.json<TrusteeViewDto>('GET', `${election.C}/trustee`);
    const xj = election.secretShares[j - 1]!;
    const Xj = elemFromHex(view.keyStatement!.verificationKeys.find((k) => k.trustee === j)!.key)!;
    const partials = view.tally!.map((tp) => ({
      person: tp.person,
      ...partialDecrypt(election.F, j, tp.person, xj, Xj, elemFromHex(tp.alpha)!, random),
    }));
    await trustee.json('POST', `${election.C}/trustee/partial`, { trustee: j, partials });
  }
  const status = await election.anon.json<ElectionOverviewDto>('GET', election.P);
  if (status.status !== 'decrypted') throw new Error(`election ${status.status}, not decrypted`);
  return {
    paperId: w.conferenceId,
    electronicId: e.conferenceId,
    paperOrganiser: { username: 'org-LS', password: 'mật khẩu thử nghiệm 2026' },
    pendingCommitteeCode: code.code,
    paperOrganiserClient: w.organiser,
    electronicOrganiserClient: election.org,
  };
}
