import { useState } from 'preact/hooks';
import { api, fieldErrors, messageOf, send, session, type OkBody, type Typed } from '../api/client';
import type { LoginView } from '../api/views';
import { PasswordChecklist, usePasswordCheck } from '../password-checklist';
import { Alert, Field } from '../ui';

type Login = Typed<OkBody<'/auth/login', 'post'>, LoginView>;

/** Registers, then signs in with the same credentials. */
export function SignUp(props: { onSignedIn: () => void }) {
  const [form, setForm] = useState({ email: '', firstName: '', lastName: '', password: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { rules, valid } = usePasswordCheck(form.password);
  const set = (name: keyof typeof form) => (event: { currentTarget: HTMLInputElement }) =>
    setForm({ ...form, [name]: event.currentTarget.value });

  async function signUp(event: Event) {
    event.preventDefault();
    setBusy(true);
    const registered = await send(api.POST('/auth/register', { body: form }));
    if (!registered.ok) {
      setBusy(false);
      setErrors(
        registered.status === 409
          ? { email: 'An account with this email already exists.' }
          : fieldErrors(registered.problem),
      );
      setError(
        registered.status === 409 || registered.problem.errors?.length
          ? null
          : messageOf(registered.problem),
      );
      return;
    }
    const login = await send<Login>(
      api.POST('/auth/login', { body: { email: form.email, password: form.password } }),
    );
    setBusy(false);
    const signedIn: LoginView | null = login.ok ? login.data : null;
    if (signedIn?.accessToken) {
      session.start(signedIn.accessToken);
      props.onSignedIn();
    } else {
      location.hash = '#/sign-in';
    }
  }

  return (
    <div class="auth card">
      <h1 tabIndex={-1}>Create an account</h1>
      {error && <Alert>{error}</Alert>}
      <form onSubmit={signUp} noValidate>
        <Field
          label="Email"
          type="email"
          autocomplete="email"
          value={form.email}
          onInput={set('email')}
          error={errors.email}
          required
        />
        <Field
          label="First name"
          autocomplete="given-name"
          value={form.firstName}
          onInput={set('firstName')}
          error={errors.firstName}
          required
        />
        <Field
          label="Last name"
          autocomplete="family-name"
          value={form.lastName}
          onInput={set('lastName')}
          error={errors.lastName}
          required
        />
        <Field
          label="Password"
          type="password"
          autocomplete="new-password"
          value={form.password}
          onInput={set('password')}
          error={errors.password}
          aria-describedby="sign-up-rules"
          required
        />
        <PasswordChecklist id="sign-up-rules" rules={rules} />
        <button
          type="submit"
          class="primary"
          disabled={
            busy || !valid || !form.email || !form.firstName.trim() || !form.lastName.trim()
          }
        >
          Create account
        </button>
        <p>
          Already have an account? <a href="#/sign-in">Sign in</a>
        </p>
      </form>
    </div>
  );
}
