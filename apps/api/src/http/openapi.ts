import { applyDecorators, type Type } from '@nestjs/common';
import {
  ApiExtension,
  ApiExtraModels,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  ApiSecurity,
  getSchemaPath,
  type OpenAPIObject,
} from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import { DISPLAY_NAME_PATTERN } from './validators';
import { FIELD_RULES, HTTP_PROBLEM_CODES, PROBLEM_CONTENT_TYPE } from './problem';

/**
 * The codes domain errors answer with (DomainError.code and codes set on Nest exceptions).
 * A controller that throws a new code adds it here: the list is the `code` enum of
 * `ProblemDetails`, which generated clients switch on.
 */
export const DOMAIN_PROBLEM_CODES = [
  'ACCOUNT_ALREADY_EXISTS',
  'ACCOUNT_NOT_FOUND',
  'ALREADY_A_MEMBER',
  'ALREADY_INVITED',
  'AMBIGUOUS_CREDENTIALS',
  'API_KEYS_DISABLED',
  'API_KEY_ALREADY_ISSUED',
  'API_KEY_NOT_FOUND',
  'API_KEY_NOT_ROLLABLE',
  'BEYOND_OWN_PERMISSIONS',
  'EMAIL_TAKEN',
  'INVALID_CREDENTIALS',
  'INVALID_TWO_FACTOR_CODE',
  'INVITATION_NOT_FOUND',
  'LAST_OWNER',
  'MEMBER_NOT_FOUND',
  'NO_ACCOUNT_WITH_EMAIL',
  'NO_SUCH_SESSION',
  'ORGANIZATION_ALREADY_EXISTS',
  'ORGANIZATION_NOT_FOUND',
  'PERMISSION_REQUIRED',
  'SECOND_FACTOR_FAILED',
  'SESSION_ALREADY_STARTED',
  'SESSION_NOT_FOUND',
  'SOLE_OWNER_OF_TEAM',
  'TWO_FACTOR_ALREADY_ENABLED',
  'TWO_FACTOR_SETUP_NOT_STARTED',
  'WRONG_CURRENT_PASSWORD',
  'WRONG_PASSWORD',
] as const;

export const PROBLEM_CODES: readonly string[] = [
  ...Object.keys(HTTP_PROBLEM_CODES),
  ...DOMAIN_PROBLEM_CODES,
];

export class FieldErrorDto {
  @ApiProperty({ description: 'The field at fault (dotted path for nested fields).' })
  field!: string;
  @ApiProperty({ description: 'What is wrong, for a person to read.' })
  message!: string;
  @ApiProperty({
    description: `Rule id, snake_case: ${FIELD_RULES.join(', ')}, or a password rule id of GET /password-policy (min_length, uppercase, lowercase, number, special, ..., match).`,
  })
  rule!: string;
}

/** RFC 9457 problem details: the one error body of the API. */
export class ProblemDetailsDto {
  @ApiProperty({
    format: 'uri',
    description: 'One URI per code.',
    example: 'https://account-keys.dev/problems/validation-failed',
  })
  type!: string;
  @ApiProperty({ example: 'Invalid request' })
  title!: string;
  @ApiProperty({ type: 'integer', example: 400 })
  status!: number;
  @ApiProperty({ example: 'The request has invalid fields.' })
  detail!: string;
  @ApiProperty({
    enum: PROBLEM_CODES,
    enumName: 'ProblemCode',
    description: 'One per kind of failure.',
  })
  code!: string;
  @ApiPropertyOptional({ type: [FieldErrorDto] })
  errors?: FieldErrorDto[];
  @ApiPropertyOptional({ description: 'The request id (also the X-Request-Id header).' })
  requestId?: string;
}

/** Who may call an operation. */
export type Access = 'public' | 'user' | 'apiKey' | 'userOrApiKey';

export interface OperationSpec {
  /** camelCase, unique: the method name of generated clients. */
  readonly id: string;
  readonly summary: string;
  readonly description?: string;
  readonly access: Access;
  /** Error statuses beyond those every operation of its kind answers (added automatically). */
  readonly errors?: readonly number[];
  /** Still answered, but only to tell clients where it went. */
  readonly deprecated?: boolean;
}

const ACCESS_EXTENSION = 'x-access';

/** No id is longer; the router answers a longer path segment 404 before any handler. */
export const MAX_PARAM_LENGTH = 100;

/**
 * One line per operation: its id, summary, security and the error statuses it answers.
 * 400/413/415 (for a body) and 401 (for a credential) are added by `finishDocument`.
 */
export function Operation(spec: OperationSpec) {
  const security =
    spec.access === 'user'
      ? [ApiSecurity('bearer')]
      : spec.access === 'apiKey'
        ? [ApiSecurity('api-key')]
        : spec.access === 'userOrApiKey'
          ? [ApiSecurity('bearer'), ApiSecurity('api-key')]
          : [];
  return applyDecorators(
    ApiOperation({
      operationId: spec.id,
      summary: spec.summary,
      description: spec.description,
      ...(spec.deprecated ? { deprecated: true } : {}),
    }),
    ApiExtension(ACCESS_EXTENSION, spec.access),
    ...security,
    ...(spec.errors ?? []).map((status) =>
      ApiResponse({ status, description: ERROR_DESCRIPTIONS[status] ?? 'Error.' }),
    ),
  );
}

/**
 * The success answer of an operation: its status, body class (none for 204; several for a
 * `oneOf` of named schemas) and headers.
 */
export function Answers(
  status: number,
  type: Type | readonly Type[] | undefined,
  description: string,
  headers?: Record<string, { description: string; schema: Record<string, unknown> }>,
) {
  if (Array.isArray(type)) {
    const types = type as readonly Type[];
    return applyDecorators(
      ApiExtraModels(...types),
      ApiResponse({
        status,
        description,
        schema: { oneOf: types.map((each) => ({ $ref: getSchemaPath(each) })) },
        ...(headers ? { headers } : {}),
      }),
    );
  }
  return ApiResponse({
    status,
    description,
    ...(type ? { type: type as Type } : {}),
    ...(headers ? { headers } : {}),
  });
}

/** The ETag of a resource with a revision, on a 200 answer. */
export const ETAG_HEADER = {
  ETag: { description: 'The revision, for If-Match: W/"<n>".', schema: { type: 'string' } },
};

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (field errors in `errors`), or two credentials at once.',
  401: 'No valid credential, or an invalid one presented.',
  403: 'Authenticated but not allowed.',
  404: 'Not found (also for another tenant’s resource).',
  409: 'Conflict with the current state.',
  412: 'If-Match did not match the current revision.',
  413: 'The body is larger than allowed.',
  415: 'The body is not application/json, or is compressed.',
  429: 'Throttled; retry after Retry-After seconds.',
  503: 'A store is unreachable, or a read could not catch up with your last write.',
};

// The OpenAPI document is walked as plain JSON here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

/**
 * Completes the generated document so a client generator can live on it: `security: []` on
 * public operations, the automatic error statuses, every error answer as
 * `application/problem+json` with `ProblemDetails` (and `WWW-Authenticate`, `Retry-After`
 * headers), typed path parameters, and request schemas carrying the validation rules of
 * their DTO classes (read from class-validator's metadata: the same rules that validate).
 */
export function finishDocument(document: OpenAPIObject): OpenAPIObject {
  const doc = document as unknown as Json;
  doc.components ??= {};
  doc.components.schemas ??= {};
  const bearer = doc.components.securitySchemes?.bearer;
  if (bearer) {
    delete bearer.bearerFormat;
    bearer.description = 'An opaque access token from POST /auth/login.';
  }
  for (const dto of validatedClasses()) {
    const schema = doc.components.schemas[dto.name];
    if (schema) doc.components.schemas[dto.name] = withValidationRules(schema, dto);
  }
  for (const [path, item] of Object.entries<Json>(doc.paths ?? {})) {
    for (const [method, operation] of Object.entries<Json>(item)) {
      if (!['get', 'put', 'post', 'patch', 'delete'].includes(method)) continue;
      finishOperation(path, operation);
    }
  }
  return document;
}

function finishOperation(path: string, operation: Json): void {
  const access = operation[ACCESS_EXTENSION] as Access | undefined;
  delete operation[ACCESS_EXTENSION];
  operation.security = securityOf(access, operation.security);
  operation.responses ??= {};
  const add = (status: number) => {
    operation.responses[status] ??= { description: ERROR_DESCRIPTIONS[status] ?? 'Error.' };
  };
  if (operation.requestBody) {
    operation.requestBody.required = true;
    [400, 413, 415].forEach(add);
  }
  if (operation.security.length > 0) [400, 401].forEach(add);
  if ((operation.parameters ?? []).some((p: Json) => p.in === 'query')) add(400);
  for (const parameter of operation.parameters ?? []) {
    if (parameter.in === 'path') {
      parameter.required = true;
      parameter.schema = { type: 'string', minLength: 1, maxLength: MAX_PARAM_LENGTH };
    }
  }
  for (const [status, response] of Object.entries<Json>(operation.responses)) {
    if (Number(status) < 400) continue;
    response.content = {
      [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetailsDto) } },
    };
    if (status === '401') {
      response.headers = {
        'WWW-Authenticate': {
          description: 'The accepted schemes: Bearer, ApiKey.',
          schema: { type: 'string' },
        },
      };
    }
    if (status === '429') {
      response.headers = {
        'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } },
      };
    }
  }
  void path;
}

function securityOf(access: Access | undefined, declared: Json[] | undefined): Json[] {
  switch (access) {
    case 'user':
      return [{ bearer: [] }];
    case 'apiKey':
      return [{ 'api-key': [] }];
    case 'userOrApiKey':
      return [{ bearer: [] }, { 'api-key': [] }];
    case 'public':
      return [];
    default:
      return declared ?? [];
  }
}

/** Every class with class-validator decorators: the request DTOs. */
function validatedClasses(): Type[] {
  const storage = getMetadataStorage() as unknown as { validationMetadatas?: Map<Type, unknown> };
  return [...(storage.validationMetadatas?.keys() ?? [])];
}

/** JSON-schema keywords for the class-validator constraints of one DTO. */
function withValidationRules(schema: Json, dto: Type): Json {
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  const properties: Json = {};
  const optional = new Set<string>();
  const readOnly = new Set<string>();
  for (const meta of metadatas) {
    const name = meta.name ?? meta.type;
    if (name === 'isOptional') optional.add(meta.propertyName);
    if (name === 'readOnly') readOnly.add(meta.propertyName);
  }
  for (const meta of metadatas) {
    const property = meta.propertyName;
    if (readOnly.has(property)) continue;
    const target: Json = (properties[property] ??= { ...(schema.properties?.[property] ?? {}) });
    const [first] = meta.constraints ?? [];
    const each = meta.each === true;
    const items: Json = each ? (target.items ??= {}) : target;
    switch (meta.name) {
      case 'isString':
        items.type = 'string';
        break;
      case 'isInt':
        items.type = 'integer';
        break;
      case 'isNumber':
        items.type = 'number';
        break;
      case 'isArray':
        target.type = 'array';
        break;
      case 'maxLength':
        items.maxLength = first;
        break;
      case 'minLength':
        items.minLength = first;
        break;
      case 'arrayMaxSize':
        target.maxItems = first;
        break;
      case 'min':
        items.minimum = first;
        break;
      case 'max':
        items.maximum = first;
        break;
      case 'isIn':
        items.type = 'string';
        items.enum = [...first];
        if (each) delete target.enum;
        break;
      case 'isEmail':
        items.type = 'string';
        items.format = 'email';
        break;
      case 'matches':
        items.type = 'string';
        items.pattern = (first as RegExp).source;
        break;
      case 'forbiddenCharacters':
        items.pattern = DISPLAY_NAME_PATTERN;
        break;
      default:
        break;
    }
  }
  const required = Object.keys(properties).filter((name) => !optional.has(name));
  // `null` for an optional field means absent (API.md "Conventions").
  for (const name of optional) if (properties[name]) properties[name].nullable = true;
  const result: Json = {
    type: 'object',
    properties,
    additionalProperties: false,
  };
  if (required.length > 0) result.required = required;
  else {
    // All optional (a PATCH): at least one of them, with a value (null means absent).
    result.anyOf = Object.keys(properties).map((name) => ({
      required: [name],
      properties: { [name]: { type: properties[name].type ?? 'string' } },
    }));
  }
  return result;
}
