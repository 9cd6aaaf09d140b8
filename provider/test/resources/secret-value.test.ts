// ephemeral coffer_secret_value in process: the workspace's own chain (its team's value where the workspace
// has none, its own where it has one), team_id deprecated (a warning at the attribute, still sent, refused at
// team_id when it names another team), an unknown workspace at workspace_id, against a real `coffer serve`.
import { randomBytes } from 'node:crypto';
import type { Coffer } from '@coffer/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { type MiniCli, summaries, withSession } from './support/cli.ts';

const TEAM_VALUE = `team-${randomBytes(12).toString('hex')}`;
const WS_VALUE = `ws-${randomBytes(12).toString('hex')}`;

let cli: MiniCli;
let sdk: Coffer;
withSession((s) => {
  ({ cli, sdk } = s);
});

beforeAll(async () => {
  await sdk.teams.create({ id: 'payments' });
  await sdk.teams.create({ id: 'risk' });
  await sdk.workspaces.create({ id: 'ws-checkout', teamId: 'payments' });
  await sdk.workspaces.create({ id: 'ws-own', teamId: 'payments' });
  await sdk.secrets.create({
    name: 'DB_PASSWORD',
    scope: { type: 'team', id: 'payments' },
    value: TEAM_VALUE,
  });
  await sdk.secrets.create({
    name: 'DB_PASSWORD',
    scope: { type: 'workspace', id: 'ws-own' },
    value: WS_VALUE,
  });
});

const open = (config: Record<string, unknown>) =>
  cli.openEphemeral('coffer_secret_value', { name: 'DB_PASSWORD', ...config });

describe('coffer_secret_value', () => {
  it("resolves the workspace's team value without team_id, and no warning", async () => {
    const r = await open({ workspace_id: 'ws-checkout' });
    expect(r.validation).toEqual([]);
    expect(r.diagnostics).toEqual([]);
    expect(r.result).toMatchObject({ source: 'team', scope_type: 'team', version: 1 });
    expect(r.result?.value).toBe(TEAM_VALUE);
  });

  it("prefers the workspace's own value", async () => {
    const r = await open({ workspace_id: 'ws-own' });
    expect(r.result).toMatchObject({ source: 'workspace' });
    expect(r.result?.value).toBe(WS_VALUE);
  });

  it("accepts the deprecated team_id with a warning at it when it names the workspace's team", async () => {
    const r = await open({ workspace_id: 'ws-checkout', team_id: 'payments' });
    expect(r.validation.map((d) => [d.severity, d.summary, d.attribute?.steps])).toEqual([
      ['WARNING', 'Deprecated attribute', [{ attribute_name: 'team_id' }]],
    ]);
    // OpenEphemeralResource validates again: the same warning, and no error.
    expect(r.diagnostics.filter((d) => d.severity === 'ERROR')).toEqual([]);
    expect(r.result?.value).toBe(TEAM_VALUE);
  });

  it("refuses a team_id that is not the workspace's team, at team_id", async () => {
    const r = await open({ workspace_id: 'ws-checkout', team_id: 'risk' });
    expect(r.result).toBeNull();
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(r.diagnostics[0]?.attribute?.steps).toEqual([{ attribute_name: 'team_id' }]);
  });

  it('says so when the workspace does not exist, at workspace_id', async () => {
    const r = await open({ workspace_id: 'ws-nope' });
    expect(summaries(r.diagnostics)).toEqual(['No such workspace']);
    expect(r.diagnostics[0]?.attribute?.steps).toEqual([{ attribute_name: 'workspace_id' }]);
  });

  it('says what the chain was when the name resolves nowhere', async () => {
    const r = await open({ workspace_id: 'ws-checkout', name: 'NOWHERE' });
    expect(summaries(r.diagnostics)).toEqual(['Secret does not resolve']);
    expect(r.diagnostics[0]?.detail).toContain('its team');
  });

  it('never recorded a value', () => {
    const all = cli.responsesText();
    expect(all).toContain('ws-checkout');
    expect(all).not.toContain(TEAM_VALUE);
    expect(all).not.toContain(WS_VALUE);
  });
});
