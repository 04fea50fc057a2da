import { useEffect, useState } from 'preact/hooks';
import { api, send, type OkBody, type Typed } from './api/client';
import type { ProfileView } from './api/views';
import { ApiKeys } from './sections/api-keys';
import { Appearance } from './sections/appearance';
import { DangerZone } from './sections/danger-zone';
import { Password } from './sections/password';
import { ProfileSection } from './sections/profile';
import { Security } from './sections/security';
import { Alert } from './ui';

export type Profile = Typed<OkBody<'/me', 'get'>, ProfileView>;

const SECTIONS = [
  ['profile', 'Profile'],
  ['password', 'Password'],
  ['appearance', 'Appearance'],
  ['security', 'Security'],
  ['api-keys', 'API keys'],
  ['danger-zone', 'Danger zone'],
] as const;

/** The settings page: one component per section of the seed, in its order. */
export function Settings(props: { onSignOut: () => void; onDeleted: () => void }) {
  const [profile, setProfile] = useState<{ data: Profile; etag: string | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Bumped by every security-relevant change, so the sessions and the log show it.
  const [changes, setChanges] = useState(0);
  const changed = () => setChanges((count) => count + 1);

  async function load() {
    const answer = await send<Profile>(api.GET('/me'));
    if (answer.ok) setProfile({ data: answer.data, etag: answer.etag });
    else if (answer.status !== 401)
      setError('Your profile could not be loaded. Try reloading the page.');
  }
  useEffect(() => {
    void load();
  }, []);

  return (
    <>
      <header class="top">
        <h1 tabIndex={-1}>Account settings</h1>
        <button type="button" onClick={props.onSignOut}>
          Sign out
        </button>
      </header>
      <nav aria-label="Sections">
        <ul>
          {SECTIONS.map(([id, title]) => (
            <li key={id}>
              <a href={`#${id}`} onClick={(event) => jumpTo(event, id)}>
                {title}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {error && <Alert>{error}</Alert>}
      {profile && (
        <>
          <ProfileSection
            profile={profile.data}
            etag={profile.etag}
            onSaved={(data, etag) => setProfile({ data, etag })}
          />
          <Password onChanged={changed} />
          <Appearance />
          <Security
            twoFactorEnabled={twoFactorOf(profile.data)}
            changes={changes}
            onChanged={() => {
              changed();
              void load();
            }}
          />
          <ApiKeys onChanged={changed} />
          <DangerZone onDeleted={props.onDeleted} />
        </>
      )}
    </>
  );
}

/** In-page links keep the hash route: scroll to the section and move focus to its heading. */
function jumpTo(event: Event, id: string) {
  event.preventDefault();
  const heading = document.getElementById(`${id}-title`);
  heading?.setAttribute('tabindex', '-1');
  heading?.scrollIntoView({ block: 'start' });
  heading?.focus();
}

/** Undefined while the server's profile has no `twoFactorEnabled` (before issue 14 lands). */
function twoFactorOf(profile: Profile): boolean | undefined {
  return 'twoFactorEnabled' in profile && typeof profile.twoFactorEnabled === 'boolean'
    ? profile.twoFactorEnabled
    : undefined;
}
