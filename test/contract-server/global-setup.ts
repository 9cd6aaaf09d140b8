// The contract suite against the real server: `coffer serve` on a fresh SQLite data directory, with
// `prism proxy --errors` in front of it, so any response of the server that breaks the spec fails the call.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import '../contract/global-setup.ts';
import { freePort, root, spawnNode, startPrism, stopChild, waitUntilUp } from '../contract/prism.ts';

export default async function setup(project: TestProject) {
  const apiKey = `cof_contract_${randomBytes(16).toString('hex')}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'coffer-contract-'));
  const port = await freePort();
  const server = spawnNode(
    [join(root, 'server/src/cli.ts'), 'serve', '--port', String(port), '--data-dir', dataDir],
    { COFFER_BOOTSTRAP_API_KEY: apiKey },
  );
  const upstream = `http://127.0.0.1:${port}`;
  const cleanup = async () => {
    await stopChild(server.child);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilUp(`${upstream}/v1/healthz`, server.child, server.output);
    const prism = await startPrism(upstream);
    project.provide('cofferApiKey', apiKey);
    project.provide('cofferBaseUrl', prism.url);
    project.provide('cofferTarget', 'prism-proxy');
    return async () => {
      await prism.stop();
      await cleanup();
    };
  } catch (err) {
    await cleanup();
    throw err;
  }
}
