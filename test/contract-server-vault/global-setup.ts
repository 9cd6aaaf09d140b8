// `coffer serve` on a fresh SQLite store with the VAULT backend (a Vault dev server from the tools cache, KV v2,
// token auth), behind `prism proxy --errors`. The suite's secrets go to Vault; the secrets-manager test that
// switches to DB puts this configuration back (cofferSecretsManager).
import { startServer } from '@coffer/server/launch';
import type { TestProject } from 'vitest/node';
import { skipUnlessAvailable } from '../../scripts/lib/ci.ts';
import { startVaultDev, toolPath } from '../../server/test/support/remote-tools.ts';
import { startPrism } from '../contract/prism.ts';

export default async function setup(project: TestProject) {
  if (
    skipUnlessAvailable(
      'contract suite on VAULT',
      toolPath('vault') ? [] : ['vault (scripts/setup.d/50-vault.sh)'],
    )
  ) {
    return;
  }
  const vault = await startVaultDev('vault');
  const server = await startServer();
  try {
    const config = {
      backend: 'VAULT',
      vault: { address: vault.address, authMethod: 'TOKEN', token: vault.rootToken },
    };
    const put = await fetch(`${server.baseUrl}/v1/secrets-manager`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(config),
    });
    const body = (await put.json()) as { effectiveBackend?: string };
    if (put.status !== 200 || body.effectiveBackend !== 'VAULT') {
      throw new Error(`configuring VAULT answered ${put.status}: ${JSON.stringify(body)}`);
    }
    const prism = await startPrism(server.baseUrl);
    project.provide('cofferApiKey', server.apiKey);
    project.provide('cofferBaseUrl', prism.url);
    project.provide('cofferTarget', 'prism-proxy-vault');
    project.provide('cofferSecretsManager', config);
    return async () => {
      await prism.stop();
      await server.stop();
      await vault.stop();
    };
  } catch (err) {
    await server.stop();
    await vault.stop();
    throw err;
  }
}
