import { useEffect, useRef, useState } from 'preact/hooks';
import { api, fieldErrors, messageOf, send } from '../api/client';
import type { Profile } from '../settings';
import { Alert, Field, Section, useDebouncedEffect } from '../ui';

type Names = { firstName: string; lastName: string };
type Status = 'idle' | 'saving' | 'saved' | 'failed';

const SAVE_DELAY_MS = 700;

function problemsOf(names: Names): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [field, label] of [
    ['firstName', 'First name'],
    ['lastName', 'Last name'],
  ] as const) {
    const value = names[field].trim();
    if (!value) errors[field] = `${label} cannot be empty.`;
    else if (value.length > 100) errors[field] = `${label} can have at most 100 characters.`;
  }
  return errors;
}

/**
 * Email read-only; names saved automatically (PATCH /me with If-Match) shortly after the
 * person stops typing. A 412 means another tab or device changed the profile first.
 */
export function ProfileSection(props: {
  profile: Profile;
  etag: string | null;
  onSaved: (profile: Profile, etag: string | null) => void;
}) {
  const [names, setNames] = useState<Names>({
    firstName: props.profile.firstName,
    lastName: props.profile.lastName,
  });
  const [status, setStatus] = useState<Status>('idle');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<Names | null>(null);
  const saved = useRef({
    names: { firstName: props.profile.firstName, lastName: props.profile.lastName },
    etag: props.etag,
  });
  const saving = useRef(false);
  const latest = useRef(names);
  latest.current = names;

  useEffect(() => {
    saved.current.etag = props.etag;
  }, [props.etag]);

  async function save() {
    const wanted = latest.current;
    const problems = problemsOf(wanted);
    setErrors(problems);
    const changes: Partial<Names> = {};
    for (const field of ['firstName', 'lastName'] as const) {
      if (!problems[field] && wanted[field].trim() !== saved.current.names[field])
        changes[field] = wanted[field].trim();
    }
    if (saving.current || Object.keys(changes).length === 0) return;
    saving.current = true;
    setStatus('saving');
    const answer = await send<Profile>(
      api.PATCH('/me', {
        body: changes,
        headers: saved.current.etag ? { 'If-Match': saved.current.etag } : {},
      }),
    );
    saving.current = false;
    if (answer.ok) {
      saved.current = {
        names: { firstName: answer.data.firstName, lastName: answer.data.lastName },
        etag: answer.etag,
      };
      props.onSaved(answer.data, answer.etag);
      setStatus('saved');
      if (latest.current !== wanted) void save();
    } else if (answer.status === 412) {
      await reloadAfterConflict(wanted);
    } else {
      setStatus('failed');
      const byField = fieldErrors(answer.problem);
      setErrors(Object.keys(byField).length ? byField : { firstName: messageOf(answer.problem) });
    }
  }

  async function reloadAfterConflict(mine: Names) {
    const fresh = await send<Profile>(api.GET('/me'));
    setStatus('idle');
    if (!fresh.ok) return;
    const theirs = { firstName: fresh.data.firstName, lastName: fresh.data.lastName };
    saved.current = { names: theirs, etag: fresh.etag };
    props.onSaved(fresh.data, fresh.etag);
    setNames(theirs);
    setConflict(mine);
  }

  useDebouncedEffect(() => void save(), [names], SAVE_DELAY_MS);

  const edit = (field: keyof Names) => (event: { currentTarget: HTMLInputElement }) => {
    setNames({ ...names, [field]: event.currentTarget.value });
    setStatus('idle');
  };

  return (
    <Section id="profile" title="Profile" intro="Manage and update your personal information.">
      <Field
        label="Email address"
        type="email"
        value={props.profile.email}
        readOnly
        hint="Email address cannot be modified as it’s tied to your account authentication."
      />
      <div class="row">
        <Field
          label="First name"
          autocomplete="given-name"
          value={names.firstName}
          onInput={edit('firstName')}
          onBlur={() => void save()}
          error={errors.firstName}
        />
        <Field
          label="Last name"
          autocomplete="family-name"
          value={names.lastName}
          onInput={edit('lastName')}
          onBlur={() => void save()}
          error={errors.lastName}
        />
      </div>
      <p class="save-state" role="status" aria-live="polite">
        {status === 'saving'
          ? 'Saving…'
          : status === 'saved'
            ? 'All changes saved'
            : status === 'failed'
              ? 'Not saved'
              : 'Changes are saved automatically'}
      </p>
      {conflict && (
        <Alert tone="warning">
          <p>
            Your profile was changed in another tab or on another device, so your change was not
            saved. The latest names are shown above.
          </p>
          <div class="actions">
            <button
              type="button"
              onClick={() => {
                setNames(conflict);
                setConflict(null);
              }}
            >
              Apply my change again
            </button>
            <button type="button" onClick={() => setConflict(null)}>
              Keep the latest
            </button>
          </div>
        </Alert>
      )}
    </Section>
  );
}
