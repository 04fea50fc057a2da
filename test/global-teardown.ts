import { FERRETDB_HANDLE, type FerretDbHandle, stopFerretDb } from './global-setup';

/** Stops the FerretDB that global-setup.ts started, if it started one, and removes its files. */
export default async function globalTeardown(): Promise<void> {
  const globals = globalThis as Record<string, unknown>;
  const handle = globals[FERRETDB_HANDLE] as FerretDbHandle | undefined;
  if (!handle) return;
  delete globals[FERRETDB_HANDLE];
  await stopFerretDb(handle);
}
