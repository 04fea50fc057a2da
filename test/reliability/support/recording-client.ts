import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';

/** One answer: status, headers, the raw text and its JSON when it parses. */
export interface Answer<T = any> {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
  readonly body: T;
}

export interface CallOptions {
  readonly body?: unknown;
  /** Sent as is (malformed JSON, huge payloads); `content-type` defaults to JSON. */
  readonly rawBody?: string | Buffer;
  readonly token?: string;
  readonly apiKey?: string;
  readonly headers?: Record<string, string>;
  readonly timeoutMs?: number;
}

export interface ClientOptions {
  /**
   * Resend once a request that failed on a reused keep-alive socket the server had just
   * closed (Node's documented race). Off where killed instances make outcomes unknown.
   */
  readonly retryStaleSocket?: boolean;
}

/**
 * A request that got no answer. `refused`: nothing was listening, so the request was never
 * processed. Otherwise the connection broke mid-flight and the outcome is unknown.
 */
export class ConnectionError extends Error {
  override readonly name = 'ConnectionError';
  constructor(
    readonly code: string,
    readonly refused: boolean,
  ) {
    super(`connection failed: ${code}`);
  }
}

export interface ServerErrorRecord {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly body: string;
  readonly note?: string;
}

/** Everything a suite sent and got back: the report's counters and the leak scan's input. */
export class Traffic {
  requests = 0;
  connectionErrors = 0;
  readonly statuses: Record<string, number> = {};
  readonly serverErrors: ServerErrorRecord[] = [];
  /** Every body answered with a 4xx or 5xx, for the secret scan. */
  readonly errorBodies: string[] = [];

  record(method: string, path: string, answer: Answer, note?: string): void {
    this.statuses[answer.status] = (this.statuses[answer.status] ?? 0) + 1;
    if (answer.status >= 400) this.errorBodies.push(answer.text);
    if (answer.status >= 500) {
      this.serverErrors.push({
        method,
        path: path.length > 200 ? `${path.slice(0, 200)}…` : path,
        status: answer.status,
        body: answer.text.slice(0, 500),
        note,
      });
    }
  }
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/** Closes the pooled connections (afterAll). */
export function closeConnections(): void {
  agent.destroy();
}

/**
 * A small HTTP client over node:http (not fetch): paths go out unnormalized, any Latin-1
 * header and any body can be sent, and a broken connection is told apart from a refused one.
 */
export function recordingClient(
  baseUrl: string,
  traffic: Traffic,
  clientOptions: ClientOptions = {},
) {
  const { hostname, port } = new URL(baseUrl);
  const retryStaleSocket = clientOptions.retryStaleSocket ?? true;

  function call<T = any>(
    method: string,
    path: string,
    options: CallOptions = {},
    attempt = 1,
  ): Promise<Answer<T>> {
    const headers: Record<string, string> = {};
    let payload: Buffer | undefined;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = Buffer.from(JSON.stringify(options.body), 'utf8');
    } else if (options.rawBody !== undefined) {
      headers['content-type'] = 'application/json';
      payload = Buffer.isBuffer(options.rawBody)
        ? options.rawBody
        : Buffer.from(options.rawBody, 'utf8');
    }
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
    if (options.apiKey !== undefined) headers['x-api-key'] = options.apiKey;
    Object.assign(headers, options.headers);
    if (payload) headers['content-length'] = String(payload.length);
    traffic.requests += 1;
    return new Promise<Answer<T>>((resolveAnswer, reject) => {
      const outgoing = httpRequest(
        { hostname, port, method, path, headers, agent, timeout: options.timeoutMs ?? 30_000 },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', (error: NodeJS.ErrnoException) =>
            reject(new ConnectionError(error.code ?? error.message, false)),
          );
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let body: unknown = text;
            try {
              body = text ? JSON.parse(text) : null;
            } catch {
              // not JSON: keep the text
            }
            const answer = { status: response.statusCode ?? 0, headers: response.headers, text };
            const typed = { ...answer, body: body as T };
            traffic.record(method, path, typed);
            resolveAnswer(typed);
          });
        },
      );
      outgoing.on('timeout', () =>
        outgoing.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })),
      );
      outgoing.on('error', (error: NodeJS.ErrnoException) => {
        if (
          retryStaleSocket &&
          outgoing.reusedSocket &&
          error.code === 'ECONNRESET' &&
          attempt === 1
        ) {
          traffic.requests -= 1;
          resolveAnswer(call<T>(method, path, options, 2));
          return;
        }
        traffic.connectionErrors += 1;
        const code = error.code ?? error.message;
        reject(new ConnectionError(code, code === 'ECONNREFUSED'));
      });
      if (payload) outgoing.write(payload);
      outgoing.end();
    });
  }

  return {
    baseUrl,
    call,
    get: <T = any>(path: string, options: CallOptions = {}) => call<T>('GET', path, options),
    post: <T = any>(path: string, body?: unknown, token?: string) =>
      call<T>('POST', path, { body, token }),
    patch: <T = any>(
      path: string,
      body: unknown,
      token?: string,
      headers?: Record<string, string>,
    ) => call<T>('PATCH', path, { body, token, headers }),
    put: <T = any>(path: string, body: unknown, token?: string) =>
      call<T>('PUT', path, { body, token }),
    delete: <T = any>(path: string, token?: string, body?: unknown) =>
      call<T>('DELETE', path, { body, token }),
  };
}

export type RecordingClient = ReturnType<typeof recordingClient>;

/** The problem+json body minus its per-request id: what two answers must share to look alike. */
export function withoutRequestId(answer: Answer): unknown {
  if (answer.body && typeof answer.body === 'object' && !Array.isArray(answer.body)) {
    const { requestId: _requestId, ...rest } = answer.body as Record<string, unknown>;
    return rest;
  }
  return answer.body;
}
