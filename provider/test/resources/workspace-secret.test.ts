// coffer_workspace_secret in process: create (create-only), read, update (every write bumps the version),
// drift, import as workspace_id/KEY, delete, 404 on refresh, against a real `coffer serve`. The value never
// appears in any response.
import { randomBytes } from 'node:crypto';
import { type Coffer, Secret } from '@coffer/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Instance, type MiniCli, summaries, UNKNOWN, withSession } from './support/cli.ts';

const VALUE = `v-${randomBytes(12).toString('hex')}`;
const OTHER = `o-${randomBytes(12).toString('hex')}`;

let cli: MiniCli;
let sdk: Coffer;
withSession((s) => {
  ({ cli, sdk } = s);
});
// Overrides live on workspaces that exist.
beforeAll(async () => {
  await sdk.workspaces.create({ id: 'ws-checkout' });
});

const config = (o: Record<string, unknown> = {}) => ({
  workspace_id: 'ws-checkout',
  key: 'OPENAI_API_KEY',
  value_wo: VALUE,
  value_wo_version: 1,
  ...o,
});

describe('coffer_workspace_secret', () => {
  const r = () => cli.type('coffer_workspace_secret');
  let o: Instance;

  it('creates, with the id workspace_id/KEY and no value in the state', async () => {
    const a = await r().apply(null, config({ expires_in_days: 30 }));
    expect(a.diagnostics).toEqual([]);
    expect(a.planned).toMatchObject({ id: UNKNOWN, version: UNKNOWN, set_by: UNKNOWN });
    expect(a.instance?.state).toMatchObject({
      id: 'ws-checkout/OPENAI_API_KEY',
      workspace_id: 'ws-checkout',
      key: 'OPENAI_API_KEY',
      value: null,
      value_wo: null,
      version: 1,
      expires_in_days: 30,
    });
    expect(typeof a.instance?.state?.expires_at).toBe('string');
    o = a.instance as Instance;
  });

  it('reads back the same state and plans no change', async () => {
    const got = await r().read(o);
    expect(got.instance.state).toEqual(o.state);
    const p = await r().plan(got.instance, config({ expires_in_days: 30 }));
    expect(p.planned).toEqual(o.state);
  });

  it('updates with a PUT of the whole override: the version goes up', async () => {
    const a = await r().apply(o, config({ expires_in_days: null }));
    expect(a.diagnostics).toEqual([]);
    expect(a.planned).toMatchObject({ version: UNKNOWN, expires_at: UNKNOWN });
    expect(a.instance?.state).toMatchObject({ version: 2, expires_in_days: null, expires_at: null });
    o = a.instance as Instance;
  });

  it('writes the value back after a rotation made elsewhere', async () => {
    await sdk.workspaceSecrets.put('ws-checkout', 'OPENAI_API_KEY', { value: new Secret(OTHER) });
    const got = await r().read(o);
    expect(got.instance.state).toMatchObject({ version: 3 });
    const a = await r().apply(got.instance, config());
    expect(a.planned).toMatchObject({ version: UNKNOWN });
    expect(a.instance?.state).toMatchObject({ version: 4 });
    o = a.instance as Instance;
  });

  it('imports as workspace_id/KEY', async () => {
    const i = await r().import('ws-checkout/OPENAI_API_KEY');
    expect(i.diagnostics).toEqual([]);
    expect(i.instance?.state).toMatchObject({ id: 'ws-checkout/OPENAI_API_KEY', version: 4, value_wo: null });
    const missing = await r().import('ws-checkout/GROQ_API_KEY');
    expect(summaries(missing.diagnostics)).toEqual(['Cannot import: no such override']);
  });

  it('refuses to create over an existing override, leaving it as it was', async () => {
    const a = await r().apply(null, config());
    expect(summaries(a.diagnostics)).toEqual(['Workspace override already exists']);
    expect(a.instance?.state).toBeNull();
    expect((await sdk.workspaceSecrets.get('ws-checkout', 'OPENAI_API_KEY')).version).toBe(4);
  });

  it('refuses a workspace that does not exist, at workspace_id', async () => {
    const a = await r().apply(null, config({ workspace_id: 'ws-nope' }));
    expect(a.diagnostics.length).toBeGreaterThan(0);
    expect(a.diagnostics[0]?.attribute?.steps).toEqual([{ attribute_name: 'workspace_id' }]);
    expect(a.diagnostics[0]?.detail).toContain('ws-nope');
    expect(a.instance?.state).toBeNull();
  });

  it('deletes, and a refresh afterwards drops the object', async () => {
    const d = await r().apply(o, null);
    expect(d.diagnostics).toEqual([]);
    const got = await r().read(o);
    expect(got.instance.state).toBeNull();
  });

  it('never put the value into a response', () => {
    const all = cli.responsesText();
    expect(all).toContain('ws-checkout');
    expect(all).not.toContain(VALUE);
    expect(all).not.toContain(OTHER);
  });
});
