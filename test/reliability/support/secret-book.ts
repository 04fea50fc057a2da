import type { Cluster } from './cluster';
import type { Figures } from './figures';
import type { Traffic } from './recording-client';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { filesContaining } from '../../support/data-dir-scan';

/** A password no other run, fixture or document can contain by chance. */
export function uniquePassword(): string {
  return `Pw!${randomBytes(12).toString('hex')}aA1`;
}

/**
 * Every password, session token and API key a suite created, and the scan for them at the
 * end. Tokens and keys are looked up by their secret part: it is inside the whole credential,
 * so one search finds both a whole credential and a log that printed only the part after
 * the id (which would leak it just as well).
 */
export class SecretBook {
  private readonly secrets = new Map<string, string>();

  get size(): number {
    return this.secrets.size;
  }

  password(value: string): void {
    this.secrets.set(value, 'password');
  }

  sessionToken(token: string): void {
    // st_<sessionId>.<secret>
    const secret = token.split('.')[1];
    this.secrets.set(secret && secret.length >= 16 ? secret : token, 'session token');
  }

  apiKey(key: string): void {
    // ak_ + key id (16) + secret (43) + checksum (6)
    const secret = key.slice(3 + 16, 3 + 16 + 43);
    this.secrets.set(secret.length === 43 ? secret : key, 'API key');
  }

  /** Picks up whatever credential a successful answer hands out. */
  fromAnswer(body: unknown): void {
    if (!body || typeof body !== 'object') return;
    const { accessToken, key } = body as { accessToken?: unknown; key?: unknown };
    if (typeof accessToken === 'string') this.sessionToken(accessToken);
    if (typeof key === 'string' && key.startsWith('ak_')) this.apiKey(key);
  }

  /** `where: kind` for every secret found in one of the texts. */
  scanTexts(where: string, texts: readonly string[]): string[] {
    const hits: string[] = [];
    for (const [secret, kind] of this.secrets) {
      const at = texts.findIndex((text) => text.includes(secret));
      if (at >= 0) hits.push(`${where}[${at}]: ${kind}`);
    }
    return hits;
  }

  /** Every file under the directory (events, read models, WAL files, data keys). */
  scanDirectory(directory: string): string[] {
    if (!existsSync(directory)) return [];
    const kinds = new Map(this.secrets);
    return filesContaining(directory, [...this.secrets.keys()]).map((hit) => {
      const secret = hit.slice(hit.indexOf(': ') + 2);
      return `${hit.slice(0, hit.indexOf(': '))}: ${kinds.get(secret) ?? 'secret'}`;
    });
  }
}

/**
 * Everything a run left behind (its processes' output, its data files, the error bodies it
 * received) scanned for every secret the book holds; the count goes into the suite's figures.
 */
export function leaksOfRun(
  book: SecretBook,
  run: {
    cluster: Pick<Cluster, 'outputs' | 'dataDir'>;
    traffic: Pick<Traffic, 'errorBodies'>;
    figures: Figures;
  },
): string[] {
  const { cluster, traffic, figures } = run;
  const leaks = [
    ...book.scanTexts('process output', cluster.outputs()),
    ...book.scanDirectory(cluster.dataDir),
    ...book.scanTexts('error body', traffic.errorBodies),
  ];
  figures.leaks = leaks.length;
  figures.details.secretsTracked = book.size;
  return leaks;
}
