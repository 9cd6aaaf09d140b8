// `npm start`: Coffer's main job on one machine. Starts `coffer serve` on its embedded SQLite store
// (data in .coffer/), runs the examples against it, then keeps serving until Ctrl-C.
//
//   npm start                 serve on 127.0.0.1:8080, run the examples, keep serving
//   npm start -- --once       run the examples and stop (what CI does)
//   npm start -- --no-examples
//
// When a Vault binary is in the tools cache (scripts/setup.d/50-vault.sh), a Vault dev server (in memory, on a
// free loopback port) is started too and the examples' vault step stores one stack's values in it; without
// one that step is skipped with the reason (under CI it fails, like the other suites).
//
// The owner API key is kept in .coffer/owner-api-key (mode 0600) so that every run, and your own scripts,
// can use it; the server takes it as its bootstrap key the first time it starts on an empty store.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startVaultDev, VAULT_BIN, type VaultDev, vaultAvailable } from '../examples/vault-dev.ts';

const root = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    once: { type: 'boolean', default: false },
    'no-examples': { type: 'boolean', default: false },
    port: { type: 'string', default: process.env.COFFER_PORT ?? '8080' },
    'data-dir': { type: 'string', default: process.env.COFFER_DATA_DIR ?? join(root, '.coffer') },
  },
});

const dataDir = resolve(args['data-dir']);
mkdirSync(dataDir, { recursive: true, mode: 0o700 });
const keyFile = join(dataDir, 'owner-api-key');
if (!existsSync(keyFile)) {
  writeFileSync(keyFile, `cof_${randomBytes(4).toString('hex')}_${randomBytes(32).toString('base64url')}\n`, {
    mode: 0o600,
  });
}
const apiKey = readFileSync(keyFile, 'utf8').trim();
const baseUrl = `http://127.0.0.1:${args.port}`;

const server = spawn(
  process.execPath,
  [join(root, 'server/src/cli.ts'), 'serve', '--port', args.port, '--data-dir', dataDir],
  {
    // Request lines would bury the examples' output; COFFER_LOG_LEVEL=info brings them back.
    env: { COFFER_LOG_LEVEL: 'warn', ...process.env, COFFER_BOOTSTRAP_API_KEY: apiKey },
    stdio: ['ignore', 'inherit', 'inherit'],
  },
);
const serverExited = new Promise<number>((done) => server.on('exit', (code) => done(code ?? 1)));

async function waitForHealth(): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`coffer serve exited with code ${server.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/v1/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`coffer serve did not become healthy at ${baseUrl} within 30 s`);
}

/** The HCL and CDKTF examples need OpenTofu: the setup step builds it once into the tools cache (minutes the
 * first time, a no-op after) unless TOFU_BIN names one. */
function ensureOpenTofu(): void {
  if (process.env.TOFU_BIN) return;
  const built = spawnSync('bash', [join(root, 'scripts/setup.d/10-opentofu.sh')], { stdio: 'inherit' });
  if (built.status !== 0)
    console.warn('!! OpenTofu could not be built: the HCL and CDKTF examples will be skipped.');
}

let vault: VaultDev | undefined;

/** A Vault dev server for the examples' vault step, when the binary is there (a missing one is reported). */
async function startVault(): Promise<void> {
  if (!vaultAvailable()) {
    console.warn(
      `!! No Vault at ${VAULT_BIN}: the examples' vault step will be skipped (scripts/setup.d/50-vault.sh).`,
    );
    return;
  }
  try {
    vault = await startVaultDev();
  } catch (error) {
    console.warn(`!! The Vault dev server did not start: ${(error as Error).message}`);
  }
}

function runExamples(): Promise<number> {
  const child = spawn(process.execPath, [join(root, 'examples/run-all.ts')], {
    env: {
      ...process.env,
      COFFER_BASE_URL: baseUrl,
      COFFER_API_KEY: apiKey,
      ...(vault
        ? { COFFER_EXAMPLES_VAULT_ADDR: vault.address, COFFER_EXAMPLES_VAULT_TOKEN: vault.token }
        : {}),
    },
    stdio: 'inherit',
  });
  return new Promise((done) => child.on('exit', (code) => done(code ?? 1)));
}

function stop(code: number): void {
  server.kill('SIGTERM');
  void Promise.all([serverExited, vault?.stop()]).then(() => process.exit(code));
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

try {
  await waitForHealth();
  if (!args['no-examples']) {
    ensureOpenTofu();
    await startVault();
    const code = await runExamples();
    if (code !== 0) throw new Error(`examples failed (exit ${code})`);
  }
  if (args.once) {
    stop(0);
  } else {
    console.log(`\nCoffer is serving at ${baseUrl}`);
    console.log(`  export COFFER_BASE_URL=${baseUrl}`);
    console.log(`  export COFFER_API_KEY=$(cat ${keyFile})`);
    console.log('Then try the coffer CLI (npx coffer in this repository; see cli/README.md to install it):');
    for (const c of [
      'npx coffer whoami',
      'npx coffer teams list && npx coffer workspaces list   # what the examples made (if OpenTofu ran)',
      'npx coffer resolve --workspace payments-api-hcl HCL_DB_PASSWORD HCL_SMTP_PASSWORD   # which layer wins',
      'npx coffer teams create platform && npx coffer workspaces create ws-checkout --team platform',
      'npx coffer secrets create DB_PASSWORD --scope team:platform   # asks for the value, hidden',
      `npx coffer run --workspace ws-checkout -- sh -c 'test -n "$DB_PASSWORD" && echo it is set'`,
      'npx coffer audit reads --since 1h',
    ]) {
      console.log(`  ${c}`);
    }
    console.log('Press Ctrl-C to stop.');
    process.exitCode = await serverExited;
    await vault?.stop();
  }
} catch (error) {
  console.error((error as Error).message);
  stop(1);
}
