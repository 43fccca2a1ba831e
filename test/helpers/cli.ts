/**
 * Runs the built CLI as a child process against a database file, for the end-to-end tests.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { CLI } from './server.js';

/** `cyberclaims ARGS` in `cwd` with `CYBERCLAIMS_DB` set; `input` is fed to stdin. Throws only if it cannot start. */
export function runCli(
  args: readonly string[],
  opts: { readonly cwd: string; readonly db: string; readonly input?: string },
): SpawnSyncReturns<string> {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    // the JSON of every sample's claims and incidents runs to megabytes
    maxBuffer: 256 * 1024 * 1024,
    cwd: opts.cwd,
    env: { ...process.env, CYBERCLAIMS_DB: opts.db, NO_COLOR: '1' },
    ...(opts.input !== undefined ? { input: opts.input } : {}),
  });
  if (r.error) throw r.error;
  return r;
}
