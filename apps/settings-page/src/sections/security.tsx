import { useEffect, useState } from 'preact/hooks';
import { api, messageOf, send, type OkBody, type Typed } from '../api/client';
import type { RecoveryCodesView, SecurityLogView, SessionsView, TotpSetupView } from '../api/views';
import { Alert, Dialog, Field, Section, Unavailable, formatDate } from '../ui';

type Sessions = Typed<OkBody<'/me/sessions', 'get'>, SessionsView>;
type SecurityLog = Typed<OkBody<'/me/security-log', 'get'>, SecurityLogView>;
type TotpSetup = Typed<OkBody<'/me/2fa/totp', 'post'>, TotpSetupView>;
type RecoveryCodes = Typed<OkBody<'/me/2fa/totp/confirm', 'post'>, RecoveryCodesView>;

/** Two-factor authentication, sessions and the security log. */
export function Security(props: {
  twoFactorEnabled: boolean | undefined;
  changes: number;
  onChanged: () => void;
}) {
  return (
    <Section id="security" title="Security">
      <TwoFactor enabled={props.twoFactorEnabled} onChanged={props.onChanged} />
      <Sessions changes={props.changes} />
      <Log changes={props.changes} />
    </Section>
  );
}

function TwoFactor(props: { enabled: boolean | undefined; onChanged: () => void }) {
  const [step, setStep] = useState<'idle' | 'password' | 'scan' | 'codes' | 'disable'>('idle');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const [codes, setCodes] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setStep('idle');
    setPassword('');
    setCode('');
    setError(null);
  };

  async function start(event: Event) {
    event.preventDefault();
    const answer = await send<TotpSetup>(api.POST('/me/2fa/totp', { body: { password } }));
    if (!answer.ok)
      return setError(
        answer.status === 403 ? 'The password is not correct.' : messageOf(answer.problem),
      );
    setSetup(answer.data);
    setError(null);
    setStep('scan');
    const { toDataURL } = await import('qrcode');
    setQr(await toDataURL(answer.data.otpauthUrl, { margin: 1, width: 192 }));
  }

  async function confirm(event: Event) {
    event.preventDefault();
    const answer = await send<RecoveryCodes>(
      api.POST('/me/2fa/totp/confirm', { body: { code: code.trim() } }),
    );
    if (!answer.ok)
      return setError('That code is not valid. Enter the current code from your app.');
    setCodes(answer.data.recoveryCodes);
    setError(null);
    setStep('codes');
  }

  async function disable(event: Event) {
    event.preventDefault();
    const answer = await send(api.DELETE('/me/2fa', { body: { password, code: code.trim() } }));
    if (!answer.ok)
      return setError(
        answer.status === 403
          ? 'The password or the code is not correct.'
          : messageOf(answer.problem),
      );
    close();
    props.onChanged();
  }

  return (
    <div class="subsection">
      <h3>Two-factor authentication</h3>
      {props.enabled === undefined ? (
        <Unavailable what="Two-factor authentication" />
      ) : props.enabled ? (
        <p>
          <span class="badge active">On</span> Signing in asks for a code from your authenticator
          app.{' '}
          <button type="button" onClick={() => setStep('disable')}>
            Turn off
          </button>
        </p>
      ) : (
        <p>
          <span class="badge">Off</span> Add a second step to signing in with an authenticator app.{' '}
          <button type="button" onClick={() => setStep('password')}>
            Set up two-factor authentication
          </button>
        </p>
      )}
      {step === 'password' && (
        <Dialog title="Set up two-factor authentication" onClose={close}>
          <form onSubmit={start} noValidate>
            <Field
              label="Password"
              type="password"
              autocomplete="current-password"
              value={password}
              onInput={(event) => setPassword(event.currentTarget.value)}
              error={error ?? undefined}
            />
            <button type="submit" class="primary" disabled={!password}>
              Continue
            </button>
          </form>
        </Dialog>
      )}
      {step === 'scan' && setup && (
        <Dialog title="Scan the code" onClose={close}>
          <form onSubmit={confirm} noValidate>
            <p>Scan this QR code with your authenticator app, or enter the secret by hand.</p>
            {qr && (
              <img
                class="qr"
                src={qr}
                width={192}
                height={192}
                alt="QR code of the two-factor secret"
              />
            )}
            <p>
              Secret: <code class="secret">{setup.secret}</code>
            </p>
            <Field
              label="Code from the app"
              inputMode="numeric"
              autocomplete="one-time-code"
              value={code}
              onInput={(event) => setCode(event.currentTarget.value)}
              error={error ?? undefined}
            />
            <button type="submit" class="primary" disabled={!code.trim()}>
              Turn on
            </button>
          </form>
        </Dialog>
      )}
      {step === 'codes' && (
        <Dialog
          title="Save your recovery codes"
          onClose={() => {
            close();
            props.onChanged();
          }}
        >
          <Alert tone="warning">
            These codes are shown only once. Each one signs you in once if you lose your device.
          </Alert>
          <ul class="codes">
            {codes.map((value) => (
              <li key={value}>
                <code>{value}</code>
              </li>
            ))}
          </ul>
          <div class="actions">
            <a
              class="button"
              download="recovery-codes.txt"
              href={`data:text/plain;charset=utf-8,${encodeURIComponent(codes.join('\n') + '\n')}`}
            >
              Download
            </a>
            <button
              type="button"
              class="primary"
              onClick={() => {
                close();
                props.onChanged();
              }}
            >
              I have saved them
            </button>
          </div>
        </Dialog>
      )}
      {step === 'disable' && (
        <Dialog title="Turn off two-factor authentication" onClose={close}>
          <form onSubmit={disable} noValidate>
            <Field
              label="Password"
              type="password"
              autocomplete="current-password"
              value={password}
              onInput={(event) => setPassword(event.currentTarget.value)}
            />
            <Field
              label="Code or recovery code"
              autocomplete="one-time-code"
              value={code}
              onInput={(event) => setCode(event.currentTarget.value)}
              error={error ?? undefined}
            />
            <button type="submit" class="danger" disabled={!password || !code.trim()}>
              Turn off
            </button>
          </form>
        </Dialog>
      )}
    </div>
  );
}

function Sessions(props: { changes: number }) {
  const [sessions, setSessions] = useState<Sessions['items'] | null | 'unavailable'>(null);
  const [error, setError] = useState<string | null>(null);
  async function load() {
    const answer = await send<Sessions>(api.GET('/me/sessions'));
    if (answer.ok) setSessions(answer.data.items);
    else if (answer.status === 404) setSessions('unavailable');
  }
  useEffect(() => {
    void load();
  }, [props.changes]);
  async function end(sessionId?: string) {
    const answer = await send(
      sessionId
        ? api.DELETE('/me/sessions/{sessionId}', { params: { path: { sessionId } } })
        : api.DELETE('/me/sessions'),
    );
    setError(answer.ok ? null : messageOf(answer.problem));
    await load();
  }

  return (
    <div class="subsection">
      <h3>Sessions</h3>
      {sessions === 'unavailable' ? (
        <Unavailable what="Session management" />
      ) : sessions === null ? (
        <p>Loading…</p>
      ) : (
        <>
          {error && <Alert>{error}</Alert>}
          <ul class="list">
            {sessions.map((item) => (
              <li key={item.sessionId}>
                <div>
                  <strong title={item.userAgent ?? undefined}>{deviceOf(item.userAgent)}</strong>{' '}
                  {item.current && <span class="badge active">This device</span>}
                  <br />
                  <small>
                    {item.ipAddress ?? ''} · last active {formatDate(item.lastSeenAt)} · started{' '}
                    {formatDate(item.createdAt)}
                  </small>
                </div>
                {!item.current && (
                  <button
                    type="button"
                    aria-label={`End the session on ${deviceOf(item.userAgent)}, started ${formatDate(item.createdAt)}`}
                    onClick={() => void end(item.sessionId)}
                  >
                    End
                  </button>
                )}
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => void end()} disabled={sessions.length < 2}>
            End all other sessions
          </button>
        </>
      )}
    </div>
  );
}

const PAGE_SIZE = 10;

/** Pages with `before=next` when the server pages; otherwise pages the answer it got. */
function Log(props: { changes: number }) {
  const [items, setItems] = useState<SecurityLog['items']>([]);
  const [next, setNext] = useState<string | null>(null);
  const [shown, setShown] = useState(PAGE_SIZE);
  const [failed, setFailed] = useState(false);

  async function load(before?: string) {
    const query = before ? { limit: PAGE_SIZE, before } : { limit: PAGE_SIZE };
    const answer = await send<SecurityLog>(api.GET('/me/security-log', { params: { query } }));
    if (!answer.ok) return setFailed(true);
    setItems((current) => (before ? [...current, ...answer.data.items] : answer.data.items));
    // `next` only where the server pages (API.md); an older answer is all of the log at once.
    const next = 'next' in answer.data ? answer.data.next : null;
    setNext(typeof next === 'string' ? next : null);
  }
  useEffect(() => {
    void load();
  }, [props.changes]);

  const more = next !== null || items.length > shown;
  return (
    <div class="subsection">
      <h3>Security log</h3>
      {failed ? (
        <Unavailable what="The security log" />
      ) : (
        <>
          <table>
            <caption class="visually-hidden">Your recent security events, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">When</th>
              </tr>
            </thead>
            <tbody>
              {items.slice(0, next === null ? shown : items.length).map((item, index) => (
                <tr key={`${item.occurredAt}-${index}`}>
                  <td>{describe(item.type)}</td>
                  <td>{formatDate(item.occurredAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {more && (
            <button
              type="button"
              onClick={() => (next !== null ? void load(next) : setShown(shown + PAGE_SIZE))}
            >
              Show older events
            </button>
          )}
        </>
      )}
    </div>
  );
}

const BROWSERS: [RegExp, string][] = [
  [/Edg\//, 'Edge'],
  [/Firefox\//, 'Firefox'],
  [/Chrom(e|ium)\//, 'Chrome'],
  [/Safari\//, 'Safari'],
  [/^curl\//, 'curl'],
];
const SYSTEMS: [RegExp, string][] = [
  [/Android/, 'Android'],
  [/iPhone|iPad/, 'iOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

/** A person's name for a user agent, `Chrome on Linux`, not the whole header. */
function deviceOf(userAgent: string | null | undefined): string {
  if (!userAgent) return 'Unknown device';
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1] ?? 'A browser';
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  return system ? `${browser} on ${system}` : browser;
}

/** `PasswordChanged` → `Password changed`, `ApiKeyIssued` → `API key issued`. */
function describe(type: string): string {
  const words = type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return (words.charAt(0).toUpperCase() + words.slice(1)).replace(/\bapi\b/gi, 'API');
}
