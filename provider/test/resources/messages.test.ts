// The messages the end-to-end suites once checked through a CLI, checked here where they are made: a bad name
// at its attribute, a bad value inside the vault object named by its path, and an unreachable API. One e2e
// case per message stays in test/e2e to prove the CLI shows the path.
import { freePort } from '@coffer/server/launch';
import { describe, expect, it } from 'vitest';
import { MiniCli } from './support/cli.ts';

describe('diagnostics made in the provider', () => {
  it('a secret name that is not an environment-variable name, at the name attribute', async () => {
    const cli = new MiniCli({ COFFER_BASE_URL: 'http://127.0.0.1:1', COFFER_API_KEY: 'k' });
    const r = await cli.type('coffer_secret').plan(null, {
      name: '9starts-with-a-digit',
      scope_type: 'team',
      scope_id: 'payments',
      value_wo: 'v',
      value_wo_version: 1,
    });
    const d = r.diagnostics.find((x) => /environment-variable name/.test(x.detail ?? ''));
    expect(d?.detail).toContain('name must be an environment-variable name');
    expect(d?.attribute?.steps).toEqual([{ attribute_name: 'name' }]);
  });

  it('a bad value inside vault = { ... } points at vault and names vault.kv_version', async () => {
    const cli = new MiniCli({ COFFER_BASE_URL: 'http://127.0.0.1:1', COFFER_API_KEY: 'k' });
    const r = await cli.type('coffer_secrets_manager').plan(null, {
      backend: 'VAULT',
      vault: { address: 'http://127.0.0.1:8200', kv_version: 3 },
    });
    const d = r.diagnostics.find((x) => x.summary === 'Invalid kv_version');
    expect(d?.detail).toContain('At vault.kv_version: kv_version must be an integer from 1 to 2; got 3.');
    expect(d?.attribute?.steps).toEqual([{ attribute_name: 'vault' }]);
  });

  it('an API that does not answer: "Cannot reach the Coffer API" with its address, nothing applied', async () => {
    const port = await freePort();
    const cli = new MiniCli({
      COFFER_BASE_URL: `http://127.0.0.1:${port}`,
      COFFER_API_KEY: 'cof_test_unreachable_0123456789abcdef',
    });
    await cli.configure();
    const r = await cli.type('coffer_workspace_secret').apply(null, {
      workspace_id: 'ws-down',
      key: 'OPENAI_API_KEY',
      value_wo: 'sk-never-sent',
      value_wo_version: 1,
    });
    const d = r.diagnostics.find((x) => x.summary === 'Cannot reach the Coffer API');
    expect(d?.detail).toContain(`http://127.0.0.1:${port}`);
    expect(r.instance?.state ?? null).toBeNull();
    expect(cli.responsesText()).not.toContain('sk-never-sent');
  });
});
