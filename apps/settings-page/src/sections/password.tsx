import { useState } from 'preact/hooks';
import { api, fieldErrors, messageOf, send } from '../api/client';
import { PasswordChecklist, usePasswordCheck } from '../password-checklist';
import { Alert, Field, Section } from '../ui';

const EMPTY = { currentPassword: '', newPassword: '', confirmPassword: '' };

/** PUT /me/password, with the policy's checklist ticking as the person types. */
export function Password(props: { onChanged: () => void }) {
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const { rules, valid } = usePasswordCheck(form.newPassword, form.confirmPassword);
  const set = (name: keyof typeof form) => (event: { currentTarget: HTMLInputElement }) => {
    setForm({ ...form, [name]: event.currentTarget.value });
    setDone(false);
  };

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    const answer = await send(api.PUT('/me/password', { body: form }));
    setBusy(false);
    if (answer.ok) {
      setForm(EMPTY);
      setErrors({});
      setDone(true);
      props.onChanged();
      return;
    }
    if (answer.status === 403)
      setErrors({ currentPassword: 'The current password is not correct.' });
    else if (answer.status === 429)
      setErrors({ currentPassword: 'Too many wrong attempts. Try again later.' });
    else {
      const byField = fieldErrors(answer.problem);
      setErrors(Object.keys(byField).length ? byField : { newPassword: messageOf(answer.problem) });
    }
  }

  return (
    <Section
      id="password"
      title="Password"
      intro="Choose a new password. Your other sessions are signed out when it changes."
    >
      <form onSubmit={submit} noValidate>
        <Field
          label="Current password"
          type="password"
          autocomplete="current-password"
          value={form.currentPassword}
          onInput={set('currentPassword')}
          error={errors.currentPassword}
          required
        />
        <Field
          label="New password"
          type="password"
          autocomplete="new-password"
          value={form.newPassword}
          onInput={set('newPassword')}
          error={errors.newPassword}
          aria-describedby="password-rules"
          required
        />
        <Field
          label="Confirm password"
          type="password"
          autocomplete="new-password"
          value={form.confirmPassword}
          onInput={set('confirmPassword')}
          error={errors.confirmPassword}
          aria-describedby="password-rules"
          required
        />
        <PasswordChecklist id="password-rules" rules={rules} />
        <button type="submit" class="primary" disabled={busy || !valid || !form.currentPassword}>
          Change password
        </button>
        {done && (
          <Alert tone="info">
            Your password has been changed. Other sessions have been signed out.
          </Alert>
        )}
      </form>
    </Section>
  );
}
