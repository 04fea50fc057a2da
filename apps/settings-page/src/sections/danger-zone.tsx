import { useEffect, useState } from 'preact/hooks';
import { api, messageOf, send, session, type OkBody, type Typed } from '../api/client';
import type { DeletionPreviewView } from '../api/views';
import { Alert, Dialog, Field, Section } from '../ui';

type Preview = Typed<OkBody<'/me/deletion-preview', 'get'>, DeletionPreviewView>;

/** Account deletion: consequences from the preview, the phrase, the password, a last confirm. */
export function DangerZone(props: { onDeleted: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <Section id="danger-zone" title="Danger zone">
      <p>
        Account deletion is permanent and irreversible. All associated data will be permanently
        removed.
      </p>
      <button type="button" class="danger" onClick={() => setOpen(true)}>
        Delete account
      </button>
      {open && <DeleteAccount onCancel={() => setOpen(false)} onDeleted={props.onDeleted} />}
    </Section>
  );
}

function DeleteAccount(props: { onCancel: () => void; onDeleted: () => void }) {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [phrase, setPhrase] = useState('');
  const [password, setPassword] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [errors, setErrors] = useState<{ confirmation?: string; password?: string; form?: string }>(
    {},
  );

  useEffect(() => {
    void send<Preview>(api.GET('/me/deletion-preview')).then((answer) => {
      if (answer.ok) setPreview(answer.data);
      else setErrors({ form: messageOf(answer.problem) });
    });
  }, []);

  useEffect(() => {
    if (confirming) document.getElementById('final-delete')?.focus();
  }, [confirming]);

  async function remove() {
    const answer = await send(api.DELETE('/me', { body: { confirmation: phrase, password } }));
    if (answer.ok) {
      session.end();
      return props.onDeleted();
    }
    setConfirming(false);
    if (answer.status === 400) setErrors({ confirmation: 'Type the phrase exactly as shown.' });
    else if (answer.status === 403) setErrors({ password: 'The password is not correct.' });
    else if (answer.status === 429)
      setErrors({ password: 'Too many wrong attempts. Try again later.' });
    else setErrors({ form: messageOf(answer.problem) });
  }

  const consequences = preview?.consequences;
  const blocked = (consequences?.blockingOrganizations.length ?? 0) > 0;
  const ready =
    preview !== null && phrase === preview.confirmationPhrase && password !== '' && !blocked;
  return (
    <Dialog title="Delete your account" onClose={props.onCancel}>
      {errors.form && <Alert>{errors.form}</Alert>}
      {preview && consequences && (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (ready) setConfirming(true);
          }}
        >
          <h4>What happens</h4>
          <ul>
            {consequences.apiKeys > 0 && (
              <li>
                {consequences.apiKeys === 1
                  ? 'Your API key stops working at once.'
                  : `Your ${consequences.apiKeys} API keys stop working at once.`}
              </li>
            )}
            {consequences.organizations.map((org) => (
              <li key={org.organizationId}>
                You leave {org.name} (you are {org.role}).
              </li>
            ))}
            <li>
              Your profile, sessions and security settings are erased; your email can register
              again.
            </li>
          </ul>
          {blocked && (
            <Alert>
              You are the only owner of{' '}
              {consequences.blockingOrganizations.map((org) => org.name).join(', ')}, which still
              has other members. Make someone else an owner first.
            </Alert>
          )}
          <Field
            label={`Type “${preview.confirmationPhrase}” to confirm`}
            autocomplete="off"
            value={phrase}
            onInput={(event) => setPhrase(event.currentTarget.value)}
            error={errors.confirmation}
          />
          <Field
            label="Password"
            type="password"
            autocomplete="current-password"
            value={password}
            onInput={(event) => setPassword(event.currentTarget.value)}
            error={errors.password}
          />
          {confirming ? (
            <Alert tone="warning">
              <p>This is final. Delete your account and everything in it now?</p>
              <div class="actions">
                <button type="button" onClick={() => setConfirming(false)}>
                  Keep my account
                </button>
                <button
                  type="button"
                  class="danger"
                  id="final-delete"
                  onClick={() => void remove()}
                >
                  Yes, delete my account permanently
                </button>
              </div>
            </Alert>
          ) : (
            <div class="actions">
              <button type="button" onClick={props.onCancel}>
                Cancel
              </button>
              <button type="submit" class="danger" disabled={!ready}>
                Delete account
              </button>
            </div>
          )}
        </form>
      )}
    </Dialog>
  );
}
