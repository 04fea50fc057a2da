import { Agent, request } from 'node:http';

export interface HttpAnswer {
  readonly status: number;
  readonly body: any;
}

/** A string is a user's bearer token; `{ apiKey }` is an integration's `X-API-Key`. */
export type Credential = string | { readonly apiKey: string };

/**
 * A minimal JSON client over node:http with keep-alive sockets to 127.0.0.1: lighter than
 * fetch, so less of the measurement is spent in the load generator itself.
 */
export class KeepAliveClient {
  private readonly agent: Agent;

  constructor(
    private readonly port: number,
    maxSockets: number,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets });
  }

  send(method: string, path: string, body?: unknown, credential?: Credential): Promise<HttpAnswer> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string | number> = {};
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(payload);
    }
    if (typeof credential === 'string') headers.authorization = `Bearer ${credential}`;
    else if (credential) headers['x-api-key'] = credential.apiKey;
    return new Promise((resolve, reject) => {
      const outgoing = request(
        { host: '127.0.0.1', port: this.port, method, path, headers, agent: this.agent },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: response.statusCode ?? 0, body: text ? safeJson(text) : null });
          });
        },
      );
      outgoing.on('error', reject);
      outgoing.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
