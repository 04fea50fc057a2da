import { useState } from 'preact/hooks';
import { api, messageOf, send, session, type OkBody, type Typed } from '../api/client';
import type { LoginView } from '../api/views';
import { Alert, Field } from '../ui';

type Login = Typed<OkBody<'/auth/login', 'post'>, LoginView>;

/** Email and password, then the two-factor code when the account has it on. */
export function SignIn(props: { notice: string | null; onSignedIn: () => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [mfaToken, setMfaToken] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function finish(answer: LoginView) {
    if (answer.accessToken) {
      session.start(answer.accessToken);
      props.onSignedIn();
    } else if (answer.mfaRequired && answer.mfaToken) {
      setMfaToken(answer.mfaToken);
      setError(null);
    }
  }

  async function signIn(event: Event) {
    event.preventDefault();
    setBusy(true);
    const answer = await send<Login>(api.POST('/auth/login', { body: { email, password } }));
    setBusy(false);
    if (answer.ok) finish(answer.data);
    else
      setError(
        answer.status === 401 ? 'The email or password is not correct.' : messageOf(answer.problem),
      );
  }

  async function verify(event: Event) {
    event.preventDefault();
    if (!mfaToken) return;
    setBusy(true);
    const answer = await send<Login>(
      api.POST('/auth/login/mfa', { body: { mfaToken, code: code.trim() } }),
    );
    setBusy(false);
    if (answer.ok) finish(answer.data);
    else
      setError(
        answer.status === 401
          ? 'That code is not valid. Try the current one.'
          : messageOf(answer.problem),
      );
  }

  return (
    <div class="auth card">
      <h1 tabIndex={-1}>{mfaToken ? 'Two-factor authentication' : 'Sign in'}</h1>
      {/* The notice (signed out, session ended) belongs to the first step, not the code. */}
      {props.notice && !mfaToken && <Alert tone="info">{props.notice}</Alert>}
      {mfaToken ? (
        <form onSubmit={verify} noValidate>
          <Field
            label="Authentication code"
            hint="The 6-digit code from your authenticator app, or one of your recovery codes."
            autocomplete="one-time-code"
            inputMode="numeric"
            value={code}
            onInput={(event) => setCode(event.currentTarget.value)}
            error={error ?? undefined}
            required
          />
          <button type="submit" class="primary" disabled={busy || !code.trim()}>
            Verify
          </button>
        </form>
      ) : (
        <form onSubmit={signIn} noValidate>
          <Field
            label="Email"
            type="email"
            autocomplete="email"
            value={email}
            onInput={(event) => setEmail(event.currentTarget.value)}
            required
          />
          <Field
            label="Password"
            type="password"
            autocomplete="current-password"
            value={password}
            onInput={(event) => setPassword(event.currentTarget.value)}
            error={error ?? undefined}
            required
          />
          <button type="submit" class="primary" disabled={busy || !email || !password}>
            Sign in
          </button>
          <p>
            New here? <a href="#/sign-up">Create an account</a>
          </p>
        </form>
      )}
    </div>
  );
}
