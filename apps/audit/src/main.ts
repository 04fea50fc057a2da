import 'reflect-metadata';
import { ConfigError, loadConfig } from '@app/platform/config/config';
import { Progress, PROGRESS_FLAG } from '@app/platform/progress/progress';
import { runMain } from '@app/platform/run-main';
import { asOfCommand } from './as-of';
import { type AuditCommand, type AuditRun, UsageError } from './audit-command';
import { openAuditStorage } from './audit-storage';
import { exportCommand } from './export-history';
import { streamOutput } from './output';
import { withReadProgress } from './read-progress';
import { replayCommand } from './replay-verify';
import { headCommand } from './seal-head';
import { verifyCommand } from './verify-integrity';

const USAGE = `npm run audit -- <command> [options]
Audits the event history of the configured storage; it reads the log and the live read models
and writes nothing to them.
  export [--after POSITION]       the full event history as NDJSON on stdout
  verify [--head POSITION:HASH]   checks every stream's chain and every seal of the log
  head                            prints POSITION:HASH of the latest seal, to keep elsewhere
  replay --verify [--wait]        rebuilds every read model into scratch storage and compares
  as-of TIMESTAMP --org ORG_ID    an organization's members and API keys as they stood then
"npm run audit -- <command> --help" describes a command. Any command takes --progress: it
reports how far it read the log on stderr even when stderr is not a terminal (on a terminal it
does anyway once a run takes over 2 s); stdout never carries progress.
Exit status: 0 ok, 1 a check failed (or the run did), 2 bad arguments or configuration.
Environment: DATA_DIR (./data), EVENT_STORE, READ_STORE, EVENTSTORE_URL, MONGO_URL,
MONGO_DATABASE, MASTER_KEY.`;

const COMMANDS = new Map<string, AuditCommand>([
  ['export', exportCommand],
  ['verify', verifyCommand],
  ['head', headCommand],
  ['replay', replayCommand],
  ['as-of', asOfCommand],
]);

const [name, ...commandArgs] = process.argv.slice(2);
const args = commandArgs.filter((arg) => arg !== PROGRESS_FLAG);
const forceProgress = args.length < commandArgs.length;
const command = name === undefined ? undefined : COMMANDS.get(name);

runMain(command?.usage ?? USAGE, async () => {
  if (!command) return fail(name === undefined ? '' : `unknown command "${name}"\n`, USAGE, 2);
  let run: AuditRun;
  try {
    run = command.parse(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return fail(`${error.message}\n`, command.usage, 2);
  }
  const storage = await openAuditStorage(loadConfig());
  // Progress goes to stderr, so stdout stays pure (export's NDJSON); on a pipe, only when asked.
  const progress = new Progress({
    label: `audit ${name}`,
    stream: process.stderr,
    force: forceProgress,
  });
  const reads = withReadProgress(storage.eventStore, progress);
  try {
    process.exitCode = await run(
      { ...storage, eventStore: reads.eventStore },
      streamOutput(process.stdout),
    );
    progress.finish(reads.eventsRead());
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    fail(
      `audit ${name} failed: ${error instanceof Error ? error.message : String(error)}\n`,
      '',
      1,
    );
  } finally {
    await storage.close();
  }
});

function fail(message: string, usage: string, exitCode: number): void {
  process.stderr.write(usage ? `${message}${usage}\n` : message);
  process.exitCode = exitCode;
}
