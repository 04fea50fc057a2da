import { useEffect, useState } from 'preact/hooks';
import { api, send, session } from './api/client';
import { SignIn } from './auth/sign-in';
import { SignUp } from './auth/sign-up';
import { Settings } from './settings';

type Route = 'sign-in' | 'sign-up' | 'settings';

function routeOf(hash: string): Route {
  if (hash === '#/sign-up') return 'sign-up';
  if (hash === '#/sign-in' || !session.token()) return 'sign-in';
  return 'settings';
}

/** Three screens behind the hash: sign-in (with its two-factor step), sign-up, settings. */
export function App() {
  const [route, setRoute] = useState<Route>(routeOf(location.hash));
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    const onHash = () => setRoute(routeOf(location.hash));
    window.addEventListener('hashchange', onHash);
    // go() sets the notice itself: a separate setNotice before it would be overwritten.
    const stop = session.onExpired(() =>
      go('sign-in', 'Your session has ended. Please sign in again.'),
    );
    return () => {
      window.removeEventListener('hashchange', onHash);
      stop();
    };
  }, []);

  useEffect(() => {
    document.title = {
      'sign-in': 'Sign in',
      'sign-up': 'Create an account',
      settings: 'Account settings',
    }[route];
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [route]);

  function go(next: Route, message: string | null = null) {
    setNotice(message);
    location.hash = `#/${next}`;
    setRoute(routeOf(location.hash));
  }

  async function signOut() {
    await send(api.POST('/auth/logout'));
    session.end();
    go('sign-in', 'You are signed out.');
  }

  return (
    <main>
      {route === 'sign-in' && <SignIn notice={notice} onSignedIn={() => go('settings')} />}
      {route === 'sign-up' && <SignUp onSignedIn={() => go('settings')} />}
      {route === 'settings' && (
        <Settings
          onSignOut={signOut}
          onDeleted={() => go('sign-in', 'Your account has been deleted.')}
        />
      )}
    </main>
  );
}
