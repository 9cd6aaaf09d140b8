// A HashiCorp Vault dev server for the examples' Vault variant (in memory, unsealed, KV v2 at secret/), on a
// free loopback port with a random root token and its own HOME (a dev server would otherwise leave
// ~/.vault-token behind). `npm start` (scripts/start.ts) and examples/test start one when the binary is in the
// tools cache (scripts/setup.d/50-vault.sh); everything it holds is gone when it stops.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where the Vault binary is expected: COFFER_VAULT_BIN, else the tools cache. */
export const VAULT_BIN =
  process.env.COFFER_VAULT_BIN ??
  join(
    process.env.COFFER_TOOLS_DIR ?? join(homedir(), '.cache', 'coffer-tools'),
    `vault-${process.env.COFFER_VAULT_VERSION ?? 'v1.21.4'}`,
    'vault',
  );

/** How to get the binary, for skip messages. */
export const VAULT_SETUP = 'scripts/setup.d/50-vault.sh (or set COFFER_VAULT_BIN)';

export function vaultAvailable(): boolean {
  return existsSync(VAULT_BIN);
}

export interface VaultDev {
  /** `http://127.0.0.1:<port>` */
  readonly address: string;
  /** The dev server's root token (random per start; never printed). */
  readonly token: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Starts the dev server and waits until /v1/sys/health answers 200 (at most `timeoutMs`). */
export async function startVaultDev(timeoutMs = 30_000): Promise<VaultDev> {
  if (!vaultAvailable()) throw new Error(`Vault is not installed at ${VAULT_BIN} (${VAULT_SETUP})`);
  const port = await freePort();
  const token = `root-${randomBytes(16).toString('hex')}`;
  const home = mkdtempSync(join(tmpdir(), 'coffer-examples-vault-'));
  const child = spawn(
    VAULT_BIN,
    [
      'server',
      '-dev',
      `-dev-root-token-id=${token}`,
      `-dev-listen-address=127.0.0.1:${port}`,
      '-dev-no-store-token',
    ],
    { cwd: home, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home }, stdio: 'pipe' },
  );
  // Kept for a failed start only: the dev server prints its root token, so this is never logged as a whole.
  let tail = '';
  const collect = (c: Buffer) => {
    tail = (tail + c.toString()).slice(-4000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const address = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopChild(child);
    rmSync(home, { recursive: true, force: true });
  };
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`vault server -dev exited with ${child.exitCode}:\n${tail.replaceAll(token, '***')}`);
    }
    try {
      if ((await fetch(`${address}/v1/sys/health`)).status === 200) return { address, token, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(
    `vault server -dev was not ready within ${timeoutMs} ms:\n${tail.replaceAll(token, '***')}`,
  );
}
