import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '@app/platform/config/config';
import { runMain } from '@app/platform/run-main';
import { buildOpenApiDocument, createApiApp } from './create-api-app';

const USAGE = `npm run openapi [-- FILE]: writes the OpenAPI document (the one GET /docs-json serves)
to FILE (default openapi.json), without listening. Uses a scratch DATA_DIR.`;

runMain(USAGE, async (args) => {
  const out = resolve(args[0] ?? 'openapi.json');
  const dataDir = mkdtempSync(join(tmpdir(), 'account-keys-openapi-'));
  try {
    const { app } = await createApiApp(loadConfig({ DATA_DIR: dataDir }), false);
    writeFileSync(out, `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`);
    await app.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
