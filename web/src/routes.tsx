// The route table: every page of the app with its layout. Later screens (projector, counting, booth, trustee)
// add a line here: `bare` for full-screen pages, `public` for pages without a session (booth, public board).

import type { ReactNode } from 'react';
import { match } from './router.js';
import { AuditScreen } from './screens/audit.js';
import { AuthorityTableScreen } from './screens/authority-table.js';
import { BallotEntryScreen } from './screens/ballot-entry.js';
import { BoothScreen } from './screens/booth.js';
import { BoardScreen } from './screens/board.js';
import { CommitteeSignInScreen } from './screens/committee-sign-in.js';
import { CommitteeScreen } from './screens/committee.js';
import { CountingScreen } from './screens/counting.js';
import { ElectionScreen } from './screens/election.js';
import { ProjectorScreen } from './screens/projector.js';
import { PublicationScreen } from './screens/publication.js';
import { ReconciliationScreen } from './screens/reconciliation.js';
import { ResultScreen } from './screens/result.js';
import { RollCallScreen } from './screens/roll-call.js';
import { ConferenceScreen } from './screens/conference.js';
import { DashboardScreen } from './screens/dashboard.js';
import { LoginScreen } from './screens/login.js';
import { PersonsScreen } from './screens/persons.js';
import { QuestionsScreen } from './screens/questions.js';
import { RoundFormScreen } from './screens/round-form.js';
import { RoundScreen } from './screens/round.js';
import { RoundsScreen } from './screens/rounds.js';
import { SetupScreen } from './screens/setup.js';
import { TrusteeScreen } from './screens/trustee.js';
import { UnitsScreen } from './screens/units.js';
import { UsersScreen } from './screens/users.js';

/**
 * How a page is framed: `public` needs no session (header with the language switch only); `shell` needs a
 * session and shows the navigation; `bare` needs a session and fills the screen (projector, ballot entry).
 */
export type Layout = 'public' | 'shell' | 'bare';

/** One page: its path pattern (":name" parts), layout and screen. */
export interface AppRoute {
  readonly pattern: string;
  readonly layout: Layout;
  readonly render: (params: Readonly<Record<string, string>>) => ReactNode;
}

/** Every page; the first pattern that matches wins (so "/rounds/new" before "/rounds/:id"). */
export const ROUTES: readonly AppRoute[] = [
  { pattern: '/setup', layout: 'public', render: () => <SetupScreen /> },
  { pattern: '/login', layout: 'public', render: () => <LoginScreen /> },
  { pattern: '/', layout: 'shell', render: () => <DashboardScreen /> },
  { pattern: '/units', layout: 'shell', render: () => <UnitsScreen /> },
  { pattern: '/rounds', layout: 'shell', render: () => <RoundsScreen /> },
  { pattern: '/rounds/new', layout: 'shell', render: () => <RoundFormScreen roundId={null} /> },
  // Conference day (issue 4): the step pages, ballot entry and the projector fill the screen.
  { pattern: '/committee-sign-in', layout: 'public', render: () => <CommitteeSignInScreen /> },
  // Electronic voting (issue 7): the booth needs no session, the slip is the voter's key.
  {
    pattern: '/booth/:id',
    layout: 'public',
    render: (p) => <BoothScreen key={p.id} conferenceId={p.id!} />,
  },
  // The public board of trackers (issue 7 §4): no session either.
  {
    pattern: '/board/:id',
    layout: 'public',
    render: (p) => <BoardScreen key={p.id} conferenceId={p.id!} />,
  },
  {
    pattern: '/rounds/:id/authority',
    layout: 'shell',
    render: (p) => <AuthorityTableScreen key={p.id} roundId={p.id!} />,
  },
  {
    pattern: '/conferences/:id/roll-call',
    layout: 'shell',
    render: (p) => <RollCallScreen key={p.id} conferenceId={p.id!} />,
  },
  {
    pattern: '/conferences/:id/committee',
    layout: 'shell',
    render: (p) => <CommitteeScreen key={p.id} conferenceId={p.id!} />,
  },
  {
    pattern: '/conferences/:id/election',
    layout: 'shell',
    render: (p) => <ElectionScreen key={p.id} conferenceId={p.id!} />,
  },
  {
    pattern: '/conferences/:id/counting',
    layout: 'shell',
    render: (p) => <CountingScreen key={p.id} conferenceId={p.id!} />,
  },
  {
    pattern: '/conferences/:id/entry/:sheetId',
    layout: 'bare',
    render: (p) => (
      <BallotEntryScreen key={`${p.id}-${p.sheetId}`} conferenceId={p.id!} sheetId={p.sheetId!} />
    ),
  },
  {
    pattern: '/conferences/:id/reconciliation',
    layout: 'shell',
    render: (p) => <ReconciliationScreen key={p.id} conferenceId={p.id!} />,
  },
  {
    pattern: '/conferences/:id/result',
    layout: 'shell',
    render: (p) => <ResultScreen key={p.id} conferenceId={p.id!} />,
  },
  // Electronic voting (issue 7 §1, §5): a committee member's key ceremony and decryption.
  {
    pattern: '/conferences/:id/trustee',
    layout: 'shell',
    render: (p) => <TrusteeScreen key={p.id} conferenceId={p.id!} />,
  },
  {
    pattern: '/conferences/:id/projector',
    layout: 'bare',
    render: (p) => <ProjectorScreen key={p.id} conferenceId={p.id!} />,
  },
  {
    pattern: '/conferences/:id/publication',
    layout: 'shell',
    render: (p) => <PublicationScreen key={p.id} conferenceId={p.id!} />,
  },
  {
    pattern: '/rounds/:id/edit',
    layout: 'shell',
    render: (p) => <RoundFormScreen key={p.id} roundId={p.id!} />,
  },
  {
    pattern: '/rounds/:id',
    layout: 'shell',
    render: (p) => <RoundScreen key={p.id} roundId={p.id!} />,
  },
  { pattern: '/persons', layout: 'shell', render: () => <PersonsScreen /> },
  {
    pattern: '/conferences/:id/questions',
    layout: 'shell',
    render: (p) => <QuestionsScreen key={p.id} conferenceId={p.id!} />,
  },
  {
    pattern: '/conferences/:id',
    layout: 'shell',
    render: (p) => <ConferenceScreen key={p.id} conferenceId={p.id!} />,
  },
  { pattern: '/audit', layout: 'shell', render: () => <AuditScreen /> },
  { pattern: '/users', layout: 'shell', render: () => <UsersScreen /> },
];

/** The route of a path and its parameters, or null (a page that does not exist). */
export function findRoute(
  path: string,
): { route: AppRoute; params: Record<string, string> } | null {
  for (const route of ROUTES) {
    const params = match(route.pattern, path);
    if (params !== null) return { route, params };
  }
  return null;
}
