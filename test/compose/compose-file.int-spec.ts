import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
// js-yaml parses the compose file as Compose does (YAML 1.1).
import { load, YAML11_SCHEMA } from 'js-yaml';

const root = join(__dirname, '..', '..');

function validator() {
  const schema = JSON.parse(readFileSync(join(__dirname, 'compose-spec.json'), 'utf8'));
  // The spec's `$schema` URL is not ajv's draft-07 id, and it uses `deprecated`: not strict.
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  return ajv.compile(schema);
}

describe('docker-compose.yml', () => {
  const validate = validator();
  // YAML 1.1, as Compose reads it: merge keys (`<<: *app`) resolve.
  const text = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
  const compose = load(text, { schema: YAML11_SCHEMA }) as {
    services: Record<string, { image?: string; profiles?: string[]; healthcheck?: object }>;
  };

  it('is valid against the Compose specification schema', () => {
    const valid = validate(compose);

    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('given a misspelt key, the schema check fails (the check is real)', () => {
    const broken = structuredClone(compose);
    (broken.services.api as Record<string, unknown>).healtcheck = { test: 'true' };

    expect(validate(broken)).toBe(false);
  });

  it('keeps the contract-test EventStoreDB out of a plain `docker compose up`, in memory, on its own port', () => {
    const testStore = compose.services['eventstore-test'] as Record<string, any>;

    expect(testStore.profiles).toEqual(['contract-test']);
    expect(testStore.environment.EVENTSTORE_MEM_DB).toBe('true');
    expect(testStore.ports).toEqual(['2114:2113']);
    expect(testStore.volumes).toBeUndefined();
  });

  it("checks the projector's health through its /health endpoint", () => {
    const test = (compose.services.projector?.healthcheck as { test: string[] }).test.join(' ');

    expect(test).toContain('http://127.0.0.1:3001/health');
  });
});
