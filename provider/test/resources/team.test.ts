// coffer_team in process: create (the name defaults to the id, the organization to the key's), read, rename
// in place and back, replacement when the id changes, import by id, 409 on create, the coffer_team data
// source, a destroy refused while the team holds a secret (the diagnostic names it, nothing is deleted),
// delete_contents, 404 on refresh, against a real `coffer serve`.
import type { Coffer } from '@coffer/sdk';
import { describe, expect, it } from 'vitest';
import { type Instance, type MiniCli, summaries, UNKNOWN, withSession } from './support/cli.ts';

let cli: MiniCli;
let sdk: Coffer;
withSession((s) => {
  ({ cli, sdk } = s);
});

describe('coffer_team', () => {
  const r = () => cli.type('coffer_team');
  let team: Instance;

  it("creates: the name planned as the id, the organization the key's own", async () => {
    const p = await r().plan(null, { id: 'payments' });
    expect(p.diagnostics).toEqual([]);
    expect(p.planned).toMatchObject({ id: 'payments', name: 'payments', organization_id: UNKNOWN });
    const a = await r().apply(null, { id: 'payments' });
    expect(a.diagnostics).toEqual([]);
    expect(a.instance?.state).toMatchObject({
      id: 'payments',
      name: 'payments',
      organization_id: 'default',
      delete_contents: null,
    });
    expect(typeof a.instance?.state?.created_at).toBe('string');
    team = a.instance as Instance;
    expect(await sdk.teams.get('payments')).toMatchObject({ name: 'payments', organizationId: 'default' });
  });

  it('reads back the same state and plans no change', async () => {
    const got = await r().read(team);
    expect(got.diagnostics).toEqual([]);
    expect(got.instance.state).toEqual(team.state);
    const p = await r().plan(got.instance, { id: 'payments' });
    expect(p.planned).toEqual(team.state);
  });

  it('renames in place, and back to the id when the name is removed', async () => {
    const p = await r().plan(team, { id: 'payments', name: 'Payments platform' });
    expect(p.response?.requires_replace).toEqual([]);
    const a = await r().apply(team, { id: 'payments', name: 'Payments platform' });
    expect(a.diagnostics).toEqual([]);
    expect(a.planned).toMatchObject({ name: 'Payments platform', updated_at: UNKNOWN });
    expect((await sdk.teams.get('payments')).name).toBe('Payments platform');
    const back = await r().apply(a.instance, { id: 'payments' });
    expect(back.planned).toMatchObject({ name: 'payments' });
    expect((await sdk.teams.get('payments')).name).toBe('payments');
    team = back.instance as Instance;
  });

  it('refuses a name with outer spaces at the name attribute, before calling the API', async () => {
    const p = await r().plan(team, { id: 'payments', name: ' Payments ' });
    expect(summaries(p.diagnostics)).toEqual(['Invalid name']);
    expect(p.diagnostics[0]?.attribute?.steps).toEqual([{ attribute_name: 'name' }]);
  });

  it('plans a replacement when the id or the organization changes', async () => {
    const byId = await r().plan(team, { id: 'payments-2' });
    expect(byId.response?.requires_replace).toEqual([{ steps: [{ attribute_name: 'id' }] }]);
    const byOrg = await r().plan(team, { id: 'payments', organization_id: 'elsewhere' });
    expect(byOrg.response?.requires_replace).toEqual([{ steps: [{ attribute_name: 'organization_id' }] }]);
  });

  it('refuses to create an id that exists already (409), with the import id to use', async () => {
    const a = await r().apply(null, { id: 'payments' });
    expect(summaries(a.diagnostics)).toEqual(['Team already exists']);
    expect(a.diagnostics[0]?.detail).toContain('tofu import <address> payments');
    expect(a.diagnostics[0]?.attribute?.steps).toEqual([{ attribute_name: 'id' }]);
    expect(a.instance?.state).toBeNull();
  });

  it('imports by id, to the state it manages', async () => {
    const i = await r().import('payments');
    expect(i.diagnostics).toEqual([]);
    expect(i.instance?.state).toMatchObject({
      id: 'payments',
      name: 'payments',
      organization_id: 'default',
      delete_contents: null,
    });
    expect(summaries((await r().import('nope')).diagnostics)).toEqual(['Cannot import: no such team']);
    expect(summaries((await r().import('not/an/id')).diagnostics)).toEqual(['Invalid import id']);
  });

  it('is read by the coffer_team data source; a missing one fails at id', async () => {
    const d = await cli.readData('coffer_team', { id: 'payments' });
    expect(d.diagnostics).toEqual([]);
    expect(d.state).toMatchObject({ id: 'payments', name: 'payments', organization_id: 'default' });
    const missing = await cli.readData('coffer_team', { id: 'nope' });
    expect(summaries(missing.diagnostics)).toEqual(['No such team']);
    expect(missing.diagnostics[0]?.attribute?.steps).toEqual([{ attribute_name: 'id' }]);
  });

  it('refuses to destroy a team that holds a secret, naming it, and deletes nothing', async () => {
    await sdk.secrets.create({ name: 'LEFT_BEHIND', scope: { type: 'team', id: 'payments' }, value: 'x' });
    const d = await r().apply(team, null);
    expect(summaries(d.diagnostics)).toEqual(['Team not empty']);
    expect(d.diagnostics[0]?.detail).toMatch(/payments still holds 1 secret/);
    expect(d.diagnostics[0]?.detail).toContain('delete_contents = true');
    expect((await sdk.teams.get('payments')).id).toBe('payments');
  });

  it('with delete_contents applied first, destroys the team and what it holds', async () => {
    const a = await r().apply(team, { id: 'payments', delete_contents: true });
    expect(a.diagnostics).toEqual([]);
    expect(a.instance?.state).toMatchObject({ delete_contents: true, name: 'payments' });
    team = a.instance as Instance;
    const d = await r().apply(team, null);
    expect(d.diagnostics).toEqual([]);
    const left: string[] = [];
    for await (const s of sdk.secrets.list({ scopeType: 'team', scopeId: 'payments' })) left.push(s.name);
    expect(left).toEqual([]);
    const got = await r().read(team);
    expect(got.diagnostics).toEqual([]);
    expect(got.instance.state).toBeNull();
  });
});
