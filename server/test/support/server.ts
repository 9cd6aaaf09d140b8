/**
 * Starts the real `coffer serve` (server/src/cli.ts) as a child process on a free loopback port, on SQLite
 * in a temp data dir or on a fresh PostgreSQL database, and captures everything it prints.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { freePort, SERVER_CLI } from '../../src/launch.ts';
import { createTestDatabase } from './postgres.ts';
import { pgUrl, type StoreKind, TEST_SECRET } from './stores.ts';

export { freePort, SERVER_CLI as CLI };

/**
 * Every server this file started that is still running. A test that fails before its own clean-up would
 * otherwise leave its `coffer serve` behind after the run: they are killed once the file's own hooks are done
 * (this hook is registered first, so it runs after theirs), and at the latest when the worker exits.
 */
const children = new Set<ChildProcess>();
const killLeftovers = () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
};
afterAll(killLeftovers);
process.once('exit', killLeftovers);

export interface CliChild {
  child: ChildProcess;
  /** stdout and stderr so far. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }>;
}

/**
 * The server CLI as a child process with `args`, its output collected; `env` is laid over this process's
 * environment (a key set to undefined is removed).
 */
export function spawnCli(args: string[], env: Record<string, string | undefined> = {}): CliChild {
  const child = spawn(process.execPath, [SERVER_CLI, ...args], {
    env: { ...process.env, ...env } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString('utf8');
  });
  child.stderr?.on('data', (d: Buffer) => {
    out += d.toString('utf8');
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, out })),
  );
  return { child, output: () => out, exited };
}

/** Runs the server CLI to its exit (killed after `killAfterMs`): its exit code and everything it printed. */
export async function runToExit(
  args: string[],
  env: Record<string, string | undefined> = {},
  killAfterMs = 15_000,
): Promise<{ code: number | null; out: string }> {
  const c = spawnCli(args, env);
  const timer = setTimeout(() => c.child.kill('SIGKILL'), killAfterMs);
  const { code, out } = await c.exited;
  clearTimeout(timer);
  return { code, out };
}

export interface ServerOptions {
  kind?: StoreKind;
  /** Extra environment; `COFFER_BOOTSTRAP_API_KEY: undefined` lets the server mint one. */
  env?: Record<string, string | undefined>;
  /** Reuse a data dir / database (restarts). */
  dataDir?: string;
  databaseUrl?: string;
}

export interface TestServer {
  url: string;
  port: number;
  key: string;
  dataDir: string;
  databaseUrl: string | undefined;
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM and wait for exit. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** stop() and delete the data dir and database. */
  cleanup(): Promise<void>;
}

export async function startServer(opts: ServerOptions = {}): Promise<TestServer> {
  const kind = opts.kind ?? 'sqlite';
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'coffer-http-'));
  let databaseUrl = opts.databaseUrl;
  let drop = async () => {};
  if (kind === 'postgres' && !databaseUrl) {
    const base = pgUrl();
    if (!base) throw new Error('PostgreSQL unavailable');
    const db = await createTestDatabase(base);
    databaseUrl = db.url;
    drop = db.drop;
  }
  const key = `cof_test_${randomBytes(24).toString('hex')}`;
  const port = await freePort();
  // Keys set to undefined are removed from the child's environment.
  const env: Record<string, string | undefined> = {
    COFFER_ENCRYPTION_SECRET: TEST_SECRET,
    COFFER_BOOTSTRAP_API_KEY: key,
    COFFER_DATABASE_URL: undefined,
    COFFER_ORGANIZATION_ID: 'acme',
    ...opts.env,
  };
  const args = ['serve', '--port', String(port), '--data-dir', dataDir];
  if (databaseUrl) args.push('--database-url', databaseUrl);
  const { child, output, exited } = spawnCli(args, env);
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    return exited;
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`coffer serve exited with ${child.exitCode}:\n${output()}`);
    if (output().includes('listening on')) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`coffer serve did not start within 30 s:\n${output()}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  return {
    url,
    port,
    key: opts.env && 'COFFER_BOOTSTRAP_API_KEY' in opts.env ? (opts.env.COFFER_BOOTSTRAP_API_KEY ?? '') : key,
    dataDir,
    databaseUrl,
    child,
    output,
    exited,
    stop,
    async cleanup() {
      await stop();
      if (!opts.databaseUrl) await drop();
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Res {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: test responses are inspected field by field
  json: any;
}

/** One request; `body` objects are sent as JSON, strings as they are. */
export async function call(
  base: string,
  method: string,
  path: string,
  opts: { key?: string | null; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Res> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.key) headers.authorization = `Bearer ${opts.key}`;
  let body: string | undefined;
  if (opts.body !== undefined) {
    body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
    headers['content-type'] ??= 'application/json';
  }
  const r = await fetch(`${base}${path}`, { method, headers, body });
  const text = await r.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: r.status, headers: r.headers, text, json };
}
