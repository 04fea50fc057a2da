import type { Random } from './random';

/** The subset of JSON Schema the served OpenAPI document uses. */
export interface Schema {
  readonly $ref?: string;
  readonly type?: string;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly items?: Schema;
  readonly enum?: readonly unknown[];
  readonly example?: unknown;
  readonly default?: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
}

export interface OpenApiDocument {
  readonly paths: Record<string, Record<string, OperationObject>>;
  readonly components?: { readonly schemas?: Record<string, Schema> };
}

interface OperationObject {
  readonly parameters?: readonly {
    readonly name: string;
    readonly in: string;
    readonly required?: boolean;
    readonly schema?: Schema;
  }[];
  readonly requestBody?: { readonly content?: Record<string, { readonly schema?: Schema }> };
  readonly security?: readonly Record<string, unknown>[];
}

export interface Operation {
  readonly method: string;
  /** The template, e.g. `/orgs/{orgId}/members/{userId}`. */
  readonly path: string;
  /** From the template itself: the document does not list every path parameter. */
  readonly pathParams: readonly string[];
  readonly query: readonly { readonly name: string; readonly schema: Schema }[];
  readonly headers: readonly string[];
  readonly body: Schema | null;
  readonly security: readonly string[];
}

/** Every operation of the document, with `$ref`s resolved. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  const resolve = (schema: Schema | undefined): Schema | null => {
    if (!schema) return null;
    if (!schema.$ref) return schema;
    const name = schema.$ref.replace('#/components/schemas/', '');
    return resolve(document.components?.schemas?.[name]);
  };
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const parameters = operation.parameters ?? [];
      operations.push({
        method: method.toUpperCase(),
        path,
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string),
        query: parameters
          .filter((parameter) => parameter.in === 'query')
          .map((parameter) => ({ name: parameter.name, schema: resolve(parameter.schema) ?? {} })),
        headers: parameters.filter((p) => p.in === 'header').map((parameter) => parameter.name),
        body: resolve(operation.requestBody?.content?.['application/json']?.schema),
        security: (operation.security ?? []).flatMap((requirement) => Object.keys(requirement)),
      });
    }
  }
  return operations;
}

export type CaseKind =
  | 'valid'
  | 'missing-required'
  | 'wrong-type'
  | 'unknown-field'
  | 'null-field'
  | 'huge-string'
  | 'hostile-string'
  | 'null-body'
  | 'array-body'
  | 'scalar-body'
  | 'malformed-json'
  | 'empty-body'
  | 'wrong-content-type'
  | 'deep-nesting'
  | 'prototype-pollution'
  | 'duplicate-keys'
  | 'oversized-body'
  | 'bad-path'
  | 'bad-query'
  | 'bad-header';

export interface FuzzCase {
  readonly kind: CaseKind;
  readonly method: string;
  /** Concrete path with its query string. */
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: unknown;
  readonly rawBody?: string;
  /** The input is invalid per the schema or the contract: a 2xx answer is a finding too. */
  readonly mustFail: boolean;
}

/** Strings that have broken parsers, validators, databases and logs before. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'nul\u0000byte',
  '\u0007\u0008\u001b[31mred',
  '\r\nX-Injected: yes',
  '\u202Eevil\u202C',
  '\u200B\u200C\u200D\uFEFF',
  '\uD800',
  '\uDFFF\uD800',
  'e\u0301\u0301\u0301\u0301\u0301',
  'Z̷̡̢̛̤͓͎̰̮͈̤̱͇̘̾̀̎̄̇͊̐̉a̸l̵g̶o̴',
  '😀'.repeat(40),
  'ａｄｍｉｎ',
  "' OR '1'='1' --",
  '"; DROP TABLE events; --',
  '<script>alert(1)</script>',
  '${jndi:ldap://127.0.0.1/a}',
  '{{7*7}}',
  '../../../../etc/passwd',
  '%00%0d%0a',
  '__proto__',
  'constructor',
  'null',
  'NaN',
  '-1',
  '1e309',
  '99999999999999999999',
  '0x7fffffffffffffff',
];

/** Path segments, already percent-encoded where they need to be, that must never crash a route. */
export const HOSTILE_SEGMENTS: readonly string[] = [
  '%20',
  '..',
  '%2e%2e',
  '%2F',
  '%00',
  '%C0%AE',
  '%E0%A4%A',
  '%',
  '%FF%FE',
  'null',
  'undefined',
  '0',
  '-1',
  '9'.repeat(40),
  'a'.repeat(3000),
  '%E2%80%AE',
  '%F0%9F%98%80',
  "'%20OR%201=1--",
  '%3Cscript%3E',
  '__proto__',
  'constructor',
  '00000000-0000-0000-0000-000000000000',
  '*',
  '%2A',
  ';',
];

/** Keys every plain object answers to: a lookup by one of them must still find nothing. */
export const INHERITED_NAMES: readonly string[] = [
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
];

/** Query values for declared parameters: out of range, wrong type, too precise, too long. */
export const HOSTILE_QUERY_VALUES: readonly string[] = [
  '',
  '0',
  '-1',
  '501',
  '1.5',
  '1e2',
  'abc',
  'NaN',
  'Infinity',
  '0x10',
  '9'.repeat(19),
  '9'.repeat(20),
  '18446744073709551616',
  '9'.repeat(400),
  '%00',
  '%C0%AE',
  '%',
  '1%20OR%201=1',
];

const HOSTILE_HEADERS: readonly Record<string, string>[] = [
  { 'if-match': 'W/"99999999999999999999"' },
  { 'if-match': '"-1"' },
  { 'if-match': 'W/"1", W/"2"' },
  { 'if-match': 'garbage' },
  { 'if-match': `W/"${'9'.repeat(15)}"` },
  { 'content-type': 'application/json; charset=latin1' },
  { 'content-type': 'application/json; charset=utf-16' },
  { 'content-encoding': 'gzip' },
  { 'content-encoding': 'deflate' },
  { 'content-encoding': 'br, deflate' },
  { accept: 'application/xml' },
  { 'x-forwarded-for': '127.0.0.1, ::1, evil' },
  { 'x-request-id': 'x'.repeat(4000) },
  { authorization: 'Basic YWRhOnBhc3M=' },
  { authorization: `Bearer ${'A'.repeat(6000)}` },
  { 'x-api-key': 'ak_' + 'Z'.repeat(65) },
  { 'x-api-key': '' },
];

/** A value the schema accepts, from its enum, example or default where it has one. */
export function validValue(schema: Schema, random: Random): unknown {
  if (schema.enum && schema.enum.length > 0) return random.pick(schema.enum);
  if (schema.example !== undefined) return schema.example;
  switch (schema.type) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        if (schema.required?.includes(name) || random.chance(0.6))
          value[name] = validValue(property, random);
      }
      return value;
    }
    case 'array': {
      const items = schema.items ? [validValue(schema.items, random)] : [];
      return [...new Set(items)];
    }
    case 'number':
    case 'integer':
      return schema.default ?? schema.minimum ?? 1;
    case 'boolean':
      return true;
    default:
      return `Fuzz${random.int(0, 9999)}`;
  }
}

function wrongTypeFor(schema: Schema, random: Random): unknown {
  const candidates: unknown[] = [42, -1.5, true, { nested: 'object' }, ['array'], 0];
  if (schema.type !== 'string') candidates.push('a string');
  if (schema.type === 'array') candidates.push(['not-an-item'], [1, 2], [null]);
  return random.pick(candidates);
}

/**
 * The cases for one operation, credentials left to the caller: schema-valid bodies and
 * every way to break them, hostile path segments, query values and headers. Operations
 * without a body get more path, query and header cases instead of body ones.
 */
export function casesFor(
  operation: Operation,
  pathValues: Readonly<Record<string, string>>,
  random: Random,
  round = 0,
): FuzzCase[] {
  const cases: FuzzCase[] = [];
  const validQuery = (): string =>
    operation.query
      .filter(() => random.chance(0.5))
      .map(
        ({ name, schema }) => `${name}=${encodeURIComponent(String(validValue(schema, random)))}`,
      )
      .join('&');
  const pathWith = (overrides: Record<string, string> = {}, query = validQuery()): string => {
    const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) =>
      name in overrides ? (overrides[name] as string) : encodeURIComponent(pathValues[name] ?? 'x'),
    );
    return query ? `${path}?${query}` : path;
  };
  const add = (kind: CaseKind, options: Partial<Omit<FuzzCase, 'kind' | 'method'>> = {}): void => {
    cases.push({
      kind,
      method: operation.method,
      path: options.path ?? pathWith(),
      headers: options.headers ?? {},
      body: options.body,
      rawBody: options.rawBody,
      mustFail: options.mustFail ?? false,
    });
  };
  const schema = operation.body;
  const takesBody = operation.method !== 'GET' && operation.method !== 'HEAD';

  if (schema && takesBody) {
    const valid = () => validValue(schema, random) as Record<string, unknown>;
    const fields = Object.keys(schema.properties ?? {});
    const required = schema.required ?? [];
    const property = (name: string): Schema => schema.properties?.[name] ?? {};
    add('valid', { body: valid() });
    add('valid', { body: valid() });
    if (required.length > 0) {
      const body = valid();
      delete body[random.pick(required)];
      add('missing-required', { body, mustFail: true });
      add('missing-required', { body: {}, mustFail: true });
    }
    for (let i = 0; i < 2 && fields.length > 0; i++) {
      const field = random.pick(fields);
      add('wrong-type', {
        body: { ...valid(), [field]: wrongTypeFor(property(field), random) },
        mustFail: true,
      });
    }
    const unknown = random.pick(['isAdmin', 'role', 'email', 'userId', 'permissions', 'id', 'x']);
    if (!fields.includes(unknown))
      add('unknown-field', { body: { ...valid(), [unknown]: 'owner' }, mustFail: true });
    add('unknown-field', { body: { ...valid(), extra: { deep: [1, 2, 3] } }, mustFail: true });
    if (fields.length > 0) {
      add('null-field', { body: { ...valid(), [random.pick(fields)]: null } });
      const field = random.pick(fields);
      add('huge-string', {
        body: { ...valid(), [field]: 'x'.repeat(random.pick([101, 1_000, 10_000, 15_000])) },
      });
      for (let i = 0; i < 4; i++)
        add('hostile-string', {
          body: { ...valid(), [random.pick(fields)]: random.pick(HOSTILE_STRINGS) },
        });
    }
    add('null-body', { rawBody: 'null', mustFail: true });
    add('array-body', { rawBody: JSON.stringify([valid()]), mustFail: true });
    add('scalar-body', { rawBody: random.pick(['"text"', '42', 'true', '""']), mustFail: true });
    add('malformed-json', {
      rawBody: random.pick(['{"a":', "{'a':1}", '{a:1}', '{"a":1}}', 'undefined', '\u0000', 'NaN']),
      mustFail: true,
    });
    add('empty-body', { rawBody: '', mustFail: required.length > 0 });
    add('wrong-content-type', {
      rawBody: JSON.stringify(valid()),
      headers: { 'content-type': random.pick(['text/plain', 'application/x-www-form-urlencoded']) },
      mustFail: required.length > 0,
    });
    add('deep-nesting', {
      rawBody: `${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`,
      mustFail: true,
    });
    const validText = JSON.stringify(valid()).slice(1, -1);
    add('prototype-pollution', {
      rawBody: `{"__proto__":{"isAdmin":true,"role":"owner"}${validText ? `,${validText}` : ''}}`,
      mustFail: true,
    });
    add('prototype-pollution', {
      rawBody: `{"constructor":{"prototype":{"isAdmin":true}}${validText ? `,${validText}` : ''}}`,
      mustFail: true,
    });
    if (fields.length > 0) {
      const field = random.pick(fields);
      add('duplicate-keys', {
        rawBody: `{${validText ? `${validText},` : ''}"${field}":"Dup1","${field}":${JSON.stringify(validValue(property(field), random))}}`,
      });
    }
  } else if (takesBody) {
    // no body expected: send some anyway
    add('valid');
    add('unknown-field', { body: { unexpected: 'field' } });
    add('malformed-json', { rawBody: '{"a":', mustFail: true });
    add('array-body', { rawBody: '[1,2,3]' });
    add('hostile-string', { body: { value: random.pick(HOSTILE_STRINGS) } });
  } else {
    add('valid');
    add('valid');
  }
  if (takesBody) {
    add('oversized-body', {
      rawBody: JSON.stringify({ padding: 'x'.repeat(20_000) }),
      mustFail: true,
    });
  }

  // every path parameter meets the names every plain object inherits, then random others
  const segments = operation.pathParams.flatMap((name) => [
    ...INHERITED_NAMES.map((segment) => [name, segment] as const),
    ...Array.from({ length: schema ? 2 : 6 }, () => [name, random.pick(HOSTILE_SEGMENTS)] as const),
  ]);
  for (const [name, segment] of segments) {
    add('bad-path', {
      path: pathWith({ [name]: segment }),
      body: schema && takesBody ? validValue(schema, random) : undefined,
    });
  }
  const queryRounds = operation.query.length > 0 ? 12 : 3;
  for (let i = 0; i < queryRounds; i++) {
    let query: string;
    if (operation.query.length > 0 && i < queryRounds - 2) {
      const { name } = random.pick(operation.query);
      query = `${name}=${random.pick(HOSTILE_QUERY_VALUES)}`;
      if (random.chance(0.3)) query += `&${name}=1`;
    } else {
      query = random.pick([
        'unknown=1',
        '__proto__[admin]=1',
        'constructor=1&a[]=1',
        `${'q'.repeat(2000)}=1`,
        'limit=1&limit=2',
      ]);
    }
    add('bad-query', {
      path: pathWith({}, query),
      body: schema && takesBody ? validValue(schema, random) : undefined,
    });
  }
  // in turn rather than at random: each operation meets every header over the credentials
  const headerRounds = 4;
  for (let i = 0; i < headerRounds; i++) {
    add('bad-header', {
      headers: { ...HOSTILE_HEADERS[(round * headerRounds + i) % HOSTILE_HEADERS.length] },
      body: schema && takesBody ? validValue(schema, random) : undefined,
    });
  }
  return cases;
}
