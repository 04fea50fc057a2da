import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { AuditStorage } from './audit-storage';
import type { Output } from './output';

/** A command run against opened storage; resolves to the process exit code. */
export type AuditRun = (storage: AuditStorage, out: Output) => Promise<number>;

export interface AuditCommand {
  readonly usage: string;
  /** Checks the command's own arguments before any storage is opened; throws UsageError. */
  readonly parse: (args: readonly string[]) => AuditRun;
}

/** Bad arguments: the usage is printed and the process exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** `node:util` parseArgs, strict: an unknown option or a missing value is a UsageError. */
export function parseCommandArguments<O extends Options>(args: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export function parsePosition(raw: string, option: string): bigint {
  if (!/^\d+$/.test(raw)) throw new UsageError(`${option} takes a log position (digits only)`);
  return BigInt(raw);
}
