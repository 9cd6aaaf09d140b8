// Runs the real `coffer` binary (bin/coffer.js, through its shebang) as a child process, with a private
// HOME and config file and none of the caller's COFFER_* variables.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { Coffer } from '@coffer/sdk';
import { type RunningServer, startServer } from '@coffer/server/launch';
import { afterAll, beforeAll } from 'vitest';

export const CLI_DIR = join(import.meta.dirname, '..');
export const COFFER_BIN = join(CLI_DIR, 'bin', 'coffer.js');

export interface Result {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Home {
  dir: string;
  configPath: string;
  env: NodeJS.ProcessEnv;
  remove(): void;
}

/** A fresh HOME with its own config file; `env` is the whole environment the CLI gets. */
export function home(extra: NodeJS.ProcessEnv = {}): Home {
  const dir = mkdtempSync(join(tmpdir(), 'coffer-cli-'));
  const configPath = join(dir, '.config', 'coffer', 'config.json');
  const env: NodeJS.ProcessEnv = {
    // The project's Node first, so that `#!/usr/bin/env node` finds it.
    PATH: [dirname(process.execPath), process.env.PATH].join(delimiter),
    HOME: dir,
    XDG_CONFIG_HOME: join(dir, '.config'),
    LANG: 'C.UTF-8',
    ...extra,
  };
  return { dir, configPath, env, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Session {
  server: RunningServer;
  h: Home;
  /** The environment that points the CLI at `server` with its owner key. */
  env: NodeJS.ProcessEnv;
}

/** The teams and workspaces a test file's secrets live on: workspace id -> its team (null: none). */
export interface Scopes {
  teams?: string[];
  workspaces?: Record<string, string | null>;
}

/** Creates the teams, then the workspaces, in the server's bootstrap organization (with its owner key). */
export async function createScopes(server: RunningServer, scopes: Scopes): Promise<void> {
  const sdk = new Coffer({ baseUrl: server.baseUrl, apiKey: server.apiKey, maxRetries: 0 });
  try {
    for (const id of scopes.teams ?? []) await sdk.teams.create({ id });
    for (const [id, teamId] of Object.entries(scopes.workspaces ?? {}))
      await sdk.workspaces.create({ id, teamId });
  } finally {
    await sdk.close();
  }
}

/**
 * A real `coffer serve` and a fresh home for one test file: started before its tests (`use` gets them), stopped and
 * removed after. `extra` is added to the CLI's environment; `scopes` (the teams and workspaces the file's secrets
 * live on) are created before `use` runs.
 */
export function withSession(
  use: (s: Session) => void | Promise<void>,
  extra: NodeJS.ProcessEnv = {},
  scopes: Scopes = {},
): void {
  let session: Session | undefined;
  beforeAll(async () => {
    const server = await startServer();
    const h = home();
    session = {
      server,
      h,
      env: { ...h.env, COFFER_BASE_URL: server.baseUrl, COFFER_API_KEY: server.apiKey, ...extra },
    };
    await createScopes(server, scopes);
    await use(session);
  });
  afterAll(async () => {
    await session?.server.stop();
    session?.h.remove();
  });
}

/** Starts `coffer ...args`; stdin gets `input` and is closed, unless `input` is `'keep-open'`. */
export function start(args: string[], env: NodeJS.ProcessEnv, input?: string): ChildProcess {
  const child = spawn(COFFER_BIN, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
  if (input === 'keep-open') return child;
  if (input !== undefined) child.stdin?.end(input);
  else child.stdin?.end();
  return child;
}

export function collect(child: ChildProcess): Promise<Result> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => {
    stdout += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** `coffer ...args`, stdin from `input` (closed when absent). */
export function coffer(args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<Result> {
  return collect(start(args, env, input));
}

/** Waits until `pred` holds on the text so far. */
export function waitFor(read: () => string, pred: (s: string) => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (pred(read())) return resolve();
      if (Date.now() > deadline) return reject(new Error(`timed out waiting; got:\n${read()}`));
      setTimeout(tick, 20);
    };
    tick();
  });
}
