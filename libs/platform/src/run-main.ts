import { ConfigError } from './config/config';

/**
 * Entry-point shell shared by every command: `--help` prints the usage, a configuration
 * error prints its list and exits 2, anything else exits 1.
 */
export function runMain(usage: string, main: (args: string[]) => Promise<void>): void {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  main(args).catch((error: unknown) => {
    const message =
      error instanceof ConfigError ? error.message : `Failed to start: ${String(error)}`;
    process.stderr.write(`${message}\n`);
    process.exit(error instanceof ConfigError ? 2 : 1);
  });
}
