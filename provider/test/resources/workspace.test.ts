// coffer_workspace in process: create in a team (the name defaults to the id), read, a move to another team
// in place (and the resolve chain that follows it), a move out of any team, an unknown team at team_id,
// import by id, the coffer_workspace data source, a destroy refused while the workspace holds an override
// (named, nothing deleted), delete_contents, 404 on refresh, against a real `coffer serve`.
import { randomBytes } from 'node:crypto';
import { type Coffer, Secret } from '@coffer/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Instance, type MiniCli, summaries, UNKNOWN, withSession } from './support/cli.ts';

const RISK_VALUE = `risk-${randomBytes(12).toString('hex')}`;
const PAY_VALUE = `pay-${randomBytes(12).toString('hex')}`;

let cli: MiniCli;
let sdk: Coffer;
withSession((s) => {
  ({ cli, sdk } = s);
});

beforeAll(async () => {
  for (const id of ['payments', 'risk']) await sdk.teams.create({ id });
  await sdk.secrets.create({ name: 'LEDGER', scope: { type: 'team', id: 'payments' }, value: PAY_VALUE });
  await sdk.secrets.create({ name: 'LEDGER', scope: { type: 'team', id: 'risk' }, value: RISK_VALUE });
});

const resolved = async (ws: string) => {
  const r = await sdk.secrets.resolve({ workspaceId: ws, names: ['LEDGER'] });
  return r.items[0]?.value.reveal();
};

describe('coffer_workspace', () => {
  const r = () => cli.type('coffer_workspace');
  let ws: Instance;

  it('creates in a team: the name planned as the id', async () => {
    const p = await r().plan(null, { id: 'ws-checkout', team_id: 'payments' });
    expect(p.planned).toMatchObject({ name: 'ws-checkout', team_id: 'payments', organization_id: UNKNOWN });
    const a = await r().apply(null, { id: 'ws-checkout', team_id: 'payments' });
    expect(a.diagnostics).toEqual([]);
    expect(a.instance?.state).toMatchObject({
      id: 'ws-checkout',
      name: 'ws-checkout',
      team_id: 'payments',
      organization_id: 'default',
    });
    ws = a.instance as Instance;
    expect(await resolved('ws-checkout')).toBe(PAY_VALUE);
  });

  it('reads back the same state and plans no change', async () => {
    const got = await r().read(ws);
    expect(got.instance.state).toEqual(ws.state);
    const p = await r().plan(got.instance, { id: 'ws-checkout', team_id: 'payments' });
    expect(p.planned).toEqual(ws.state);
  });

  it("moves to another team in place, and then resolves that team's secrets", async () => {
    const p = await r().plan(ws, { id: 'ws-checkout', team_id: 'risk', name: 'Checkout' });
    expect(p.response?.requires_replace).toEqual([]);
    const a = await r().apply(ws, { id: 'ws-checkout', team_id: 'risk', name: 'Checkout' });
    expect(a.diagnostics).toEqual([]);
    expect(a.instance?.state).toMatchObject({
      team_id: 'risk',
      name: 'Checkout',
      created_at: ws.state?.created_at,
    });
    expect(await sdk.workspaces.get('ws-checkout')).toMatchObject({ teamId: 'risk', name: 'Checkout' });
    expect(await resolved('ws-checkout')).toBe(RISK_VALUE);
    ws = a.instance as Instance;
  });

  it('moves out of any team when team_id is removed: no team layer any more', async () => {
    const a = await r().apply(ws, { id: 'ws-checkout' });
    expect(a.diagnostics).toEqual([]);
    expect(a.instance?.state).toMatchObject({ team_id: null, name: 'ws-checkout' });
    expect((await sdk.workspaces.get('ws-checkout')).teamId).toBeNull();
    expect(await resolved('ws-checkout')).toBeUndefined();
    ws = a.instance as Instance;
  });

  it('refuses a team that does not exist, at team_id, and leaves the workspace where it was', async () => {
    const a = await r().apply(ws, { id: 'ws-checkout', team_id: 'no-such-team' });
    expect(a.diagnostics.length).toBeGreaterThan(0);
    expect(a.diagnostics[0]?.attribute?.steps).toEqual([{ attribute_name: 'team_id' }]);
    expect((await sdk.workspaces.get('ws-checkout')).teamId).toBeNull();
    const created = await r().apply(null, { id: 'ws-orphan', team_id: 'no-such-team' });
    expect(created.diagnostics[0]?.attribute?.steps).toEqual([{ attribute_name: 'team_id' }]);
    expect(created.instance?.state).toBeNull();
  });

  it('imports by id; is read by the coffer_workspace data source', async () => {
    const i = await r().import('ws-checkout');
    expect(i.diagnostics).toEqual([]);
    expect(i.instance?.state).toMatchObject({ id: 'ws-checkout', team_id: null, organization_id: 'default' });
    expect(summaries((await r().import('ws-nope')).diagnostics)).toEqual([
      'Cannot import: no such workspace',
    ]);
    const d = await cli.readData('coffer_workspace', { id: 'ws-checkout' });
    expect(d.diagnostics).toEqual([]);
    expect(d.state).toMatchObject({ id: 'ws-checkout', team_id: null, name: 'ws-checkout' });
    expect(summaries((await cli.readData('coffer_workspace', { id: 'ws-nope' })).diagnostics)).toEqual([
      'No such workspace',
    ]);
  });

  it('refuses to destroy a workspace that holds an override, naming it, and deletes nothing', async () => {
    await sdk.workspaceSecrets.put('ws-checkout', 'OPENAI_API_KEY', { value: new Secret('sk-left') });
    const d = await r().apply(ws, null);
    expect(summaries(d.diagnostics)).toEqual(['Workspace not empty']);
    expect(d.diagnostics[0]?.detail).toContain('ws-checkout');
    expect(d.diagnostics[0]?.detail).toContain('delete_contents = true');
    expect((await sdk.workspaces.get('ws-checkout')).id).toBe('ws-checkout');
  });

  it('with delete_contents applied first, destroys the workspace and its override', async () => {
    const a = await r().apply(ws, { id: 'ws-checkout', delete_contents: true });
    expect(a.diagnostics).toEqual([]);
    const d = await r().apply(a.instance, null);
    expect(d.diagnostics).toEqual([]);
    const got = await r().read(a.instance as Instance);
    expect(got.instance.state).toBeNull();
  });

  it('never put a resolved value into a response', () => {
    const all = cli.responsesText();
    expect(all).toContain('ws-checkout');
    expect(all).not.toContain(PAY_VALUE);
    expect(all).not.toContain(RISK_VALUE);
  });
});
