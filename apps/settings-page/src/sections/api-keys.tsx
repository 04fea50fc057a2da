import { useEffect, useState } from 'preact/hooks';
import { api, fieldErrors, messageOf, send, type OkBody, type Typed } from '../api/client';
import type {
  ApiKeyDetailsView,
  ApiKeysView,
  CreatedKeyView,
  CreatedOrganizationView,
  OrganizationsView,
} from '../api/views';
import { Alert, Dialog, Field, Section, Unavailable, formatDate } from '../ui';

type Organizations = Typed<OkBody<'/orgs', 'get'>, OrganizationsView>;
type CreatedOrganization = Typed<OkBody<'/orgs', 'post'>, CreatedOrganizationView>;
type Keys = Typed<OkBody<'/orgs/{orgId}/api-keys', 'get'>, ApiKeysView>;
type Key = Keys['items'][number];
type CreatedKey = Typed<OkBody<'/orgs/{orgId}/api-keys', 'post'>, CreatedKeyView>;
type KeyDetails = Typed<OkBody<'/orgs/{orgId}/api-keys/{keyId}', 'get'>, ApiKeyDetailsView>;

type Open =
  | { kind: 'create' }
  | { kind: 'created'; key: CreatedKey }
  | { kind: 'details'; key: Key }
  | { kind: 'roll'; key: Key }
  | { kind: 'delete'; key: Key }
  | null;

/** Organization-scoped API keys: switcher, table, create (shown once), details, roll, delete. */
export function ApiKeys(props: { onChanged: () => void }) {
  const [orgs, setOrgs] = useState<Organizations['items'] | null>(null);
  const [orgId, setOrgId] = useState<string | null>(null);
  const [keys, setKeys] = useState<Key[] | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function loadOrgs(select?: string) {
    const answer = await send<Organizations>(api.GET('/orgs'));
    if (!answer.ok) return;
    setOrgs(answer.data.items);
    setOrgId(select ?? orgId ?? answer.data.items[0]?.organizationId ?? null);
  }
  async function loadKeys() {
    if (!orgId) return setKeys([]);
    const answer = await send<Keys>(
      api.GET('/orgs/{orgId}/api-keys', { params: { path: { orgId } } }),
    );
    if (answer.ok) setKeys(answer.data.items);
    else
      setError(
        answer.status === 403
          ? 'Your role in this organization does not let you see API keys.'
          : messageOf(answer.problem),
      );
  }
  useEffect(() => {
    void loadOrgs();
  }, []);
  useEffect(() => {
    setKeys(null);
    setError(null);
    void loadKeys();
  }, [orgId]);

  const org = orgs?.find((item) => item.organizationId === orgId);
  const done = (message: string | null) => {
    setOpen(null);
    setNotice(message);
    props.onChanged();
    void loadKeys();
  };

  return (
    <Section
      id="api-keys"
      title="API keys"
      intro="Create and manage API keys for secure external integrations. Each key is valid for one year and acts with your role’s permissions in the current organization only."
    >
      {orgs === null ? (
        <p>Loading…</p>
      ) : orgs.length === 0 ? (
        <CreateOrganization onCreated={(id) => void loadOrgs(id)} />
      ) : (
        <>
          <div class="row toolbar">
            <div class="field">
              <label for="org-switcher">Organization</label>
              <select
                id="org-switcher"
                value={orgId ?? ''}
                onChange={(event) => setOrgId(event.currentTarget.value)}
              >
                {orgs.map((item) => (
                  <option key={item.organizationId} value={item.organizationId}>
                    {item.name} ({item.role})
                  </option>
                ))}
              </select>
            </div>
            <button type="button" class="primary" onClick={() => setOpen({ kind: 'create' })}>
              Create API key
            </button>
          </div>
          {org && (
            <p class="hint">
              You see and manage only your own keys in {org.name}, with your access as {org.role}.
            </p>
          )}
          {notice && <Alert tone="info">{notice}</Alert>}
          {error && <Alert>{error}</Alert>}
          {keys && <KeyTable keys={keys} onOpen={setOpen} />}
        </>
      )}
      {orgId && open?.kind === 'create' && (
        <CreateKey
          orgId={orgId}
          onCancel={() => setOpen(null)}
          onCreated={(key) => setOpen({ kind: 'created', key })}
        />
      )}
      {open?.kind === 'created' && <ShowKeyOnce created={open.key} onClose={() => done(null)} />}
      {orgId && open?.kind === 'details' && (
        <Details orgId={orgId} keyId={open.key.id} onClose={() => setOpen(null)} />
      )}
      {orgId && open?.kind === 'roll' && (
        <Roll
          orgId={orgId}
          row={open.key}
          onCancel={() => setOpen(null)}
          onRolled={(key) => setOpen({ kind: 'created', key })}
        />
      )}
      {orgId && open?.kind === 'delete' && (
        <Delete
          orgId={orgId}
          row={open.key}
          onCancel={() => setOpen(null)}
          onDeleted={() =>
            done(`“${open.key.description}” was deleted. It no longer works anywhere.`)
          }
        />
      )}
    </Section>
  );
}

function KeyTable(props: { keys: Key[]; onOpen: (open: Open) => void }) {
  if (props.keys.length === 0) return <p>No API keys yet in this organization.</p>;
  return (
    <div class="table-scroll">
      <table class="keys">
        <caption class="visually-hidden">Your API keys in this organization</caption>
        <thead>
          <tr>
            <th scope="col">Description</th>
            <th scope="col">Key</th>
            <th scope="col">Status</th>
            <th scope="col">Created</th>
            <th scope="col">Expires</th>
            <th scope="col">Last used</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.keys.map((key) => (
            <tr key={key.id}>
              <td data-label="Description">{key.description}</td>
              <td data-label="Key">
                <code>{key.maskedKey}</code>
              </td>
              <td data-label="Status">
                <span class={`badge ${key.status}`}>{key.status}</span>
              </td>
              <td data-label="Created">{formatDate(key.createdAt)}</td>
              <td data-label="Expires">{formatDate(key.expiresAt)}</td>
              <td data-label="Last used">
                {key.lastUsedAt ? formatDate(key.lastUsedAt) : 'Never'}
              </td>
              <td class="row-actions">
                <button
                  type="button"
                  aria-label={`Details of ${key.description} (${key.maskedKey})`}
                  onClick={() => props.onOpen({ kind: 'details', key })}
                >
                  Details
                </button>
                <button
                  type="button"
                  aria-label={`Roll ${key.description} (${key.maskedKey})`}
                  onClick={() => props.onOpen({ kind: 'roll', key })}
                >
                  Roll
                </button>
                <button
                  type="button"
                  class="danger"
                  aria-label={`Delete ${key.description} (${key.maskedKey})`}
                  onClick={() => props.onOpen({ kind: 'delete', key })}
                >
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CreateOrganization(props: { onCreated: (organizationId: string) => void }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  async function submit(event: Event) {
    event.preventDefault();
    const answer = await send<CreatedOrganization>(api.POST('/orgs', { body: { name } }));
    if (answer.ok) props.onCreated(answer.data.organizationId);
    else setError(fieldErrors(answer.problem).name ?? messageOf(answer.problem));
  }
  return (
    <form onSubmit={submit} noValidate>
      <p>
        API keys belong to an organization. You are not a member of any yet: create one, or accept
        an invitation.
      </p>
      <Field
        label="Organization name"
        value={name}
        onInput={(event) => setName(event.currentTarget.value)}
        error={error}
      />
      <button type="submit" class="primary" disabled={!name.trim()}>
        Create organization
      </button>
    </form>
  );
}

function CreateKey(props: {
  orgId: string;
  onCancel: () => void;
  onCreated: (key: CreatedKey) => void;
}) {
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | undefined>();
  async function submit(event: Event) {
    event.preventDefault();
    const answer = await send<CreatedKey>(
      api.POST('/orgs/{orgId}/api-keys', {
        params: { path: { orgId: props.orgId } },
        body: { description },
      }),
    );
    if (answer.ok) props.onCreated(answer.data);
    else setError(fieldErrors(answer.problem).description ?? messageOf(answer.problem));
  }
  return (
    <Dialog title="Create API key" onClose={props.onCancel}>
      <form onSubmit={submit} noValidate>
        <Field
          label="Description"
          placeholder="Production API Key"
          maxLength={100}
          value={description}
          onInput={(event) => setDescription(event.currentTarget.value)}
          hint="What the key is for, so you recognise it later."
          error={error}
        />
        <div class="actions">
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
          <button type="submit" class="primary" disabled={!description.trim()}>
            Generate key
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** The key itself, once: it is never stored and cannot be shown again. */
function ShowKeyOnce(props: { created: CreatedKey; onClose: () => void }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(props.created.key);
      setCopied(true);
    } catch {
      document.querySelector<HTMLInputElement>('#new-key')?.select();
    }
  }
  return (
    <Dialog title="Copy your new API key" onClose={props.onClose}>
      <Alert tone="warning">
        This key is shown only once. Copy it and store it securely now: it cannot be retrieved
        later.
      </Alert>
      <div class="field">
        <label for="new-key">API key for “{props.created.description}”</label>
        <div class="copy">
          <input
            id="new-key"
            readOnly
            value={props.created.key}
            onFocus={(event) => event.currentTarget.select()}
          />
          <button type="button" onClick={() => void copy()}>
            {copied ? 'Copied' : 'Copy'}
          </button>
        </div>
        <p class="hint" role="status">
          {copied ? 'Copied to the clipboard.' : `Expires ${formatDate(props.created.expiresAt)}.`}
        </p>
      </div>
      <button type="button" class="primary" onClick={props.onClose}>
        I have stored the key
      </button>
    </Dialog>
  );
}

function Details(props: { orgId: string; keyId: string; onClose: () => void }) {
  const [details, setDetails] = useState<KeyDetails | null>(null);
  useEffect(() => {
    void send<KeyDetails>(
      api.GET('/orgs/{orgId}/api-keys/{keyId}', {
        params: { path: { orgId: props.orgId, keyId: props.keyId } },
      }),
    ).then((answer) => answer.ok && setDetails(answer.data));
  }, []);
  return (
    <Dialog title="API key details" onClose={props.onClose}>
      {details ? (
        <dl class="details">
          <dt>Description</dt>
          <dd>{details.description}</dd>
          <dt>Key</dt>
          <dd>
            <code>{details.maskedKey}</code>
          </dd>
          <dt>Status</dt>
          <dd>{details.status}</dd>
          <dt>Created</dt>
          <dd>{formatDate(details.createdAt)}</dd>
          <dt>Expires</dt>
          <dd>{formatDate(details.expiresAt)}</dd>
          <dt>Last used</dt>
          <dd>{details.lastUsedAt ? formatDate(details.lastUsedAt) : 'Never'}</dd>
          <dt>Permissions now</dt>
          <dd>{details.permissions.join(', ') || 'none'}</dd>
        </dl>
      ) : (
        <p>Loading…</p>
      )}
      <button type="button" onClick={props.onClose}>
        Close
      </button>
    </Dialog>
  );
}

function Roll(props: {
  orgId: string;
  row: Key;
  onCancel: () => void;
  onRolled: (key: CreatedKey) => void;
}) {
  const [hours, setHours] = useState('24');
  const [error, setError] = useState<string | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  async function submit(event: Event) {
    event.preventDefault();
    const answer = await send<CreatedKey>(
      api.POST('/orgs/{orgId}/api-keys/{keyId}/roll', {
        params: { path: { orgId: props.orgId, keyId: props.row.id } },
        body: { gracePeriodHours: Number(hours) },
      }),
    );
    if (answer.ok) props.onRolled(answer.data);
    else if (answer.status === 404) setUnavailable(true);
    else setError(fieldErrors(answer.problem).gracePeriodHours ?? messageOf(answer.problem));
  }
  return (
    <Dialog title={`Roll “${props.row.description}”`} onClose={props.onCancel}>
      {unavailable ? (
        <Unavailable what="Rolling a key" />
      ) : (
        <form onSubmit={submit} noValidate>
          <p>
            A new key replaces this one. The old key keeps working during the grace period, then
            stops.
          </p>
          <Field
            label="Grace period (hours, 0 to 168)"
            type="number"
            min={0}
            max={168}
            value={hours}
            onInput={(event) => setHours(event.currentTarget.value)}
            error={error ?? undefined}
          />
          <div class="actions">
            <button type="button" onClick={props.onCancel}>
              Cancel
            </button>
            <button type="submit" class="primary">
              Roll key
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

function Delete(props: { orgId: string; row: Key; onCancel: () => void; onDeleted: () => void }) {
  const [error, setError] = useState<string | null>(null);
  async function remove() {
    const answer = await send(
      api.DELETE('/orgs/{orgId}/api-keys/{keyId}', {
        params: { path: { orgId: props.orgId, keyId: props.row.id } },
      }),
    );
    if (answer.ok) props.onDeleted();
    else setError(messageOf(answer.problem));
  }
  return (
    <Dialog title="Delete API key?" onClose={props.onCancel}>
      <p>
        Deleting “{props.row.description}” (<code>{props.row.maskedKey}</code>) immediately revokes
        access for every service using it. This cannot be undone.
      </p>
      {error && <Alert>{error}</Alert>}
      <div class="actions">
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="button" class="danger" onClick={() => void remove()}>
          Delete key
        </button>
      </div>
    </Dialog>
  );
}
