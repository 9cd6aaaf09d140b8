// coffer_secrets_manager's write-only Vault token across auth methods. The server keeps a stored token only
// on an update that stays on TOKEN auth; leaving TOKEN drops it. So coming back to TOKEN must send token_wo
// again even when token_wo_version did not change, or the server is left without a token (and falls back).
import type { Coffer } from '@coffer/sdk';
import { describe, expect, it } from 'vitest';
import type { ObjectValue } from '../../src/framework/index.ts';
import { type Instance, type MiniCli, withSession } from './support/cli.ts';

let cli: MiniCli;
let sdk: Coffer;
withSession((s) => {
  ({ cli, sdk } = s);
});

const address = 'http://127.0.0.1:8200';
const tokenAuth: ObjectValue = {
  backend: 'VAULT',
  vault: { address, token_wo: 'hvs.not-a-real-token', token_wo_version: 1 },
};

describe('coffer_secrets_manager vault.token_wo', () => {
  const r = () => cli.type('coffer_secrets_manager');
  let m: Instance;
  const step = async (config: ObjectValue) => {
    const a = await r().apply(m ?? null, config);
    expect(a.diagnostics).toEqual([]);
    m = a.instance as Instance;
    return (await sdk.secretsManager.get()).vault;
  };

  it('is sent again on the way back to TOKEN auth, with the same token_wo_version', async () => {
    expect(await step(tokenAuth)).toMatchObject({ authMethod: 'TOKEN', hasToken: true });
    // K8S auth: token_wo goes (a token with K8S is refused), token_wo_version stays as it was.
    const k8s = await step({
      backend: 'VAULT',
      vault: { address, auth_method: 'K8S', k8s: { role: 'coffer' }, token_wo_version: 1 },
    });
    expect(k8s).toMatchObject({ authMethod: 'K8S', hasToken: false });
    expect(await step(tokenAuth)).toMatchObject({ authMethod: 'TOKEN', hasToken: true });
    expect(m.state).toMatchObject({ effective_backend: 'VAULT', fallback_reason: null });
  });
});
