// The route table: every page of the app with its layout. Later screens (projector, counting, booth, trustee)
// add a line here: `bare` for full-screen pages, `public` for pages without a session (booth, public board).

import type { ReactNode } from 'react';
import { match } from './router.js';
import { AuditScreen } from './screens/audit.js';
import { ConferenceScreen } from './screens/conference.js';
import { DashboardScreen } from './screens/dashboard.js';
import { LoginScreen } from './screens/login.js';
import { PersonsScreen } from './screens/persons.js';
import { QuestionsScreen } from './screens/questions.js';
import { RoundFormScreen } from './screens/round-form.js';
import { RoundScreen } from './screens/round.js';
import { RoundsScreen } from './screens/rounds.js';
import { SetupScreen } from './screens/setup.js';
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
