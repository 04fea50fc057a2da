import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@app/platform/config/config';
import { runMain } from '@app/platform/run-main';
import { createApiApp } from '../create-api-app';

const USAGE = `node dist/apps/api/src/openapi/write-openapi.js FILE: writes the OpenAPI document
(GET /docs-json) to FILE. Starts the built api on a free loopback port over a scratch DATA_DIR,
reads the document, and stops; nothing else is touched.`;

runMain(USAGE, async (args) => {
  const target = args.find((argument) => !argument.startsWith('-'));
  if (!target) throw new Error(`Missing FILE.\n${USAGE}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'openapi-'));
  const { app } = await createApiApp(loadConfig({ DATA_DIR: dataDir, BCRYPT_COST: '4' }), false);
  try {
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as { port: number };
    const response = await fetch(`http://127.0.0.1:${port}/docs-json`);
    if (!response.ok) throw new Error(`GET /docs-json answered ${response.status}`);
    writeFileSync(target, JSON.stringify(await response.json(), null, 2) + '\n');
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
