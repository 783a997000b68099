// A static server of our own, for tests that stop it (offline: Playwright's offline mode
// does not cover service-worker fetches, and WebDriver has none) or swap the build it
// serves (an update).
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const BASE = '/diffdeck/';

/** Serves `dir` under BASE on `port`; resolves once it answers. */
export async function serve(dir: string, port: number): Promise<ChildProcess> {
  const server = spawn('node', ['scripts/serve.mjs', '--dir', dir, '--base', BASE, '--port', String(port)], {
    stdio: 'ignore',
  });
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}${BASE}`);
      if (res.ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error(`the server on port ${port} did not start`);
}

export async function stop(server: ChildProcess) {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  server.kill();
  await exited;
}

/**
 * Two copies of the release build, A and B, that differ as a new version does (B's
 * index.html says "Build B." in its description, and postbuild gave B a new service
 * worker precache). Returns their folders under a temporary `root`.
 */
export function twoBuilds(): { root: string; a: string; b: string } {
  const root = mkdtempSync(join(tmpdir(), 'diffdeck-builds-'));
  const a = join(root, 'a');
  const b = join(root, 'b');
  cpSync('dist', a, { recursive: true });
  cpSync('dist', b, { recursive: true });
  const index = join(b, 'index.html');
  writeFileSync(
    index,
    readFileSync(index, 'utf8').replace('<meta name="description" content="', '<meta name="description" content="Build B. '),
  );
  execFileSync('node', ['scripts/postbuild.mjs', b], { stdio: 'ignore' });
  return { root, a, b };
}
