import { useEffect, useRef, useState } from 'preact/hooks';
import { api, send, type OkBody, type Typed } from '../api/client';
import type { PreferencesView, Theme } from '../api/views';
import { applyTheme, rememberedTheme } from '../theme';
import { Section } from '../ui';

type Preferences = Typed<OkBody<'/me/preferences', 'get'>, PreferencesView>;

const THEMES: [Theme, string][] = [
  ['system', 'System'],
  ['light', 'Light'],
  ['dark', 'Dark'],
];

/** The theme applies at once and is stored with the account (PUT /me/preferences). */
export function Appearance() {
  const [theme, setTheme] = useState<Theme>(rememberedTheme());
  const [stored, setStored] = useState<'account' | 'device' | null>(null);
  // A choice made while the stored theme is still loading wins over that (older) answer.
  const chosen = useRef(false);

  useEffect(() => {
    void send<Preferences>(api.GET('/me/preferences')).then((answer) => {
      if (chosen.current) return;
      if (answer.ok) {
        setTheme(answer.data.theme);
        applyTheme(answer.data.theme);
      } else if (answer.status === 404) setStored('device');
    });
  }, []);

  async function choose(next: Theme) {
    chosen.current = true;
    setTheme(next);
    applyTheme(next);
    const answer = await send<Preferences>(api.PUT('/me/preferences', { body: { theme: next } }));
    setStored(answer.ok ? 'account' : 'device');
  }

  return (
    <Section id="appearance" title="Appearance">
      <fieldset>
        <legend>Theme</legend>
        <div class="segmented">
          {THEMES.map(([value, label]) => (
            <label key={value}>
              <input
                type="radio"
                name="theme"
                value={value}
                checked={theme === value}
                onChange={() => void choose(value)}
              />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      <p class="hint" role="status">
        {stored === 'account'
          ? 'Saved to your account.'
          : stored === 'device'
            ? 'Saved on this device only: account-wide preferences are not available on this server yet.'
            : 'System follows your device’s light or dark setting.'}
      </p>
    </Section>
  );
}
