// The shell: header with the language switch and the user, navigation by role, and the screen for the path.

import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from './i18n/i18n.js';
import { Link, navigate, useLocation } from './router.js';
import { findRoute } from './routes.js';
import { canOrganise, rolesOf, useSession } from './session.js';

/** The app: the page of the path in its layout; pages that need a session send the signed-out to /login. */
export function App() {
  const { path } = useLocation();
  const { user } = useSession();
  const { t } = useI18n();
  const found = findRoute(path);
  const isPublic = found?.route.layout === 'public';

  useEffect(() => {
    if (user === null && !isPublic) {
      navigate(`/login?next=${encodeURIComponent(location.pathname)}`, true);
    }
  }, [user, isPublic]);

  if (found !== null && isPublic) return <Frame>{found.route.render(found.params)}</Frame>;
  if (user === undefined || user === null) {
    return (
      <Frame>
        <p role="status">{t('app.loading')}</p>
      </Frame>
    );
  }
  if (found === null) return <Frame nav>{<NotFound />}</Frame>;
  // Full-screen pages (projector, ballot entry) get no header and no navigation.
  if (found.route.layout === 'bare')
    return <main id="main">{found.route.render(found.params)}</main>;
  return <Frame nav>{found.route.render(found.params)}</Frame>;
}

function NotFound() {
  const { t } = useI18n();
  return (
    <section>
      <h1>{t('app.notFound')}</h1>
      <Link href="/">{t('app.home')}</Link>
    </section>
  );
}

function Frame({ children, nav = false }: { children: ReactNode; nav?: boolean }) {
  const { t, lang, setLang } = useI18n();
  const { user, logout } = useSession();
  const { path } = useLocation();
  const roles = rolesOf(user);
  const organiser = canOrganise(user);
  // After a client-side navigation, focus goes to the new page's content, as a page load would put it,
  // so keyboard and screen-reader users start at the new page, not at the link they followed.
  const mainRef = useRef<HTMLElement>(null);
  const firstPath = useRef(path);
  useEffect(() => {
    if (path !== firstPath.current) mainRef.current?.focus({ preventScroll: true });
  }, [path]);
  const items: { href: string; label: string; show: boolean }[] = [
    { href: '/', label: t('nav.dashboard'), show: true },
    { href: '/units', label: t('nav.units'), show: organiser || roles.has('inspector') },
    {
      href: '/rounds',
      label: t('nav.rounds'),
      show: organiser || roles.has('inspector') || roles.has('competent-authority'),
    },
    { href: '/persons', label: t('nav.persons'), show: organiser || roles.has('inspector') },
    {
      href: '/audit',
      label: t('nav.audit'),
      show: roles.has('inspector') || roles.has('administrator'),
    },
    { href: '/users', label: t('nav.users'), show: roles.has('administrator') },
  ];
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="topbar">
        <Link href="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            ✓
          </span>
          {t('app.name')}
        </Link>
        <div className="topbar-tools">
          <button
            type="button"
            className="link-button"
            lang={lang === 'vi' ? 'en' : 'vi'}
            onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}
            data-testid="lang-switch"
          >
            {t('app.switchLanguage')}
          </button>
          {nav && user ? (
            <>
              <span className="user-name">{user.displayName}</span>
              <button
                type="button"
                className="link-button"
                onClick={() => void logout().then(() => navigate('/login'))}
              >
                {t('nav.logout')}
              </button>
            </>
          ) : null}
        </div>
      </header>
      {nav ? (
        <nav className="mainnav" aria-label={t('app.menu')}>
          <ul>
            {items
              .filter((i) => i.show)
              .map((i) => (
                <li key={i.href}>
                  <Link
                    href={i.href}
                    aria-current={
                      i.href === '/'
                        ? path === '/'
                          ? 'page'
                          : undefined
                        : path.startsWith(i.href)
                          ? 'page'
                          : undefined
                    }
                  >
                    {i.label}
                  </Link>
                </li>
              ))}
          </ul>
        </nav>
      ) : null}
      <main id="main" tabIndex={-1} ref={mainRef}>
        {children}
      </main>
    </>
  );
}
