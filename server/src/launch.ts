// `coffer serve` as a child process, for tests and benchmarks: a free loopback port, a data directory (a
// temporary one unless given), a bootstrap owner key; answers once GET /v1/healthz does.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SERVER_CLI = join(import.meta.dirname, 'cli.ts');
const READY_MS = 30_000;
const KILL_AFTER_MS = 3_000;

export interface StartOptions {
  /** Kept on stop; a temporary one is created (and removed on stop) when absent. */
  dataDir?: string;
  /** Added to this process's environment. */
  env?: NodeJS.ProcessEnv;
  /** The bootstrap owner key; a random one when absent. */
  apiKey?: string;
  /** PostgreSQL instead of the embedded SQLite store. */
  databaseUrl?: string;
}

export interface RunningServer {
  baseUrl: string;
  apiKey: string;
  dataDir: string;
  pid: number | undefined;
  /** stdout and stderr so far. */
  output(): string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      srv.close(() => ok(port));
    });
  });
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'coffer-serve-'));
  const apiKey = options.apiKey ?? `cof_test_${randomBytes(16).toString('hex')}`;
  const args = [SERVER_CLI, 'serve', '--port', String(port), '--data-dir', dataDir];
  if (options.databaseUrl) args.push('--database-url', options.databaseUrl);
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...options.env, COFFER_BOOTSTRAP_API_KEY: apiKey },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (c: Buffer) => {
    output += c.toString();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
      await exited;
      clearTimeout(timer);
    }
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
  };

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + READY_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(`coffer serve exited with ${child.exitCode ?? child.signalCode}:\n${output}`);
    }
    try {
      const r = await fetch(`${baseUrl}/v1/healthz`, { signal: AbortSignal.timeout(1000) });
      if (r.ok) break;
    } catch {}
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`coffer serve did not answer /v1/healthz within ${READY_MS / 1000} s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { baseUrl, apiKey, dataDir, pid: child.pid, output: () => output, stop };
}
