import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { LoadResult, LoadSpec } from './load-generator';

const GENERATOR = join(__dirname, 'load-generator.js');

/** Runs autocannon in a child process against `spec.url` and returns its merged figures. */
export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [GENERATOR, JSON.stringify(spec)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code !== 0) return reject(new Error(`load generator exited ${code}: ${stderr}`));
      try {
        resolve(JSON.parse(stdout) as LoadResult);
      } catch (error) {
        reject(new Error(`load generator answered ${stdout}: ${String(error)}`));
      }
    });
  });
}
