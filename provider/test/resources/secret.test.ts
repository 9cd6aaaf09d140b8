// coffer_secret in process: create, read, update in place, rotation through value_wo_version, drift from a
// rotation made elsewhere, import by id and by natural key, delete, 404 on refresh, 409 on create, on the
// provider handler against a real `coffer serve`, on a team created first. The value never appears in any
// response.
import { randomBytes } from 'node:crypto';
import { type Coffer, Secret } from '@coffer/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Instance, type MiniCli, summaries, UNKNOWN, withSession } from './support/cli.ts';

const VALUE = `v-${randomBytes(12).toString('hex')}`;
const ROTATED = `r-${randomBytes(12).toString('hex')}`;
const UUID = /^[0-9a-f-]{36}$/;

let cli: MiniCli;
let sdk: Coffer;
withSession((s) => {
  ({ cli, sdk } = s);
});
// Secrets live on scopes that exist.
beforeAll(async () => {
  await sdk.teams.create({ id: 'payments' });
});

const config = (o: Record<string, unknown> = {}) => ({
  scope_type: 'team',
  scope_id: 'payments',
  name: 'DB_PASSWORD',
  category: 'infrastructure',
  description: 'primary database',
  value_wo: VALUE,
  value_wo_version: 1,
  ...o,
});

describe('coffer_secret', () => {
  const r = () => cli.type('coffer_secret');
  let db: Instance;

  it('creates: unknown computed values in the plan, the API answer in the state, no value anywhere', async () => {
    const p = await r().plan(null, config());
    expect(p.diagnostics).toEqual([]);
    expect(p.planned).toMatchObject({ id: UNKNOWN, version: UNKNOWN, value_wo: null, name: 'DB_PASSWORD' });
    const a = await r().apply(null, config());
    expect(a.diagnostics).toEqual([]);
    expect(a.instance?.state).toMatchObject({
      scope_type: 'team',
      scope_id: 'payments',
      name: 'DB_PASSWORD',
      category: 'infrastructure',
      description: 'primary database',
      value: null,
      value_wo: null,
      value_wo_version: 1,
      version: 1,
    });
    expect(a.instance?.state?.id).toMatch(UUID);
    db = a.instance as Instance;
    const stored = await sdk.secrets.get(db.state?.id as string);
    expect(stored.version).toBe(1);
  });

  it('reads back the same state, and plans no change', async () => {
    const got = await r().read(db);
    expect(got.diagnostics).toEqual([]);
    expect(got.instance.state).toEqual(db.state);
    const p = await r().plan(got.instance, config());
    expect(p.planned).toEqual(db.state);
    expect(p.response?.requires_replace).toEqual([]);
    db = got.instance;
  });

  it('updates in place without sending the value (version kept), then rotates it through value_wo_version', async () => {
    const a = await r().apply(db, config({ description: 'the primary one' }));
    expect(a.diagnostics).toEqual([]);
    expect(a.planned).toMatchObject({ version: 1, updated_at: UNKNOWN });
    expect(a.instance?.state).toMatchObject({ description: 'the primary one', version: 1 });
    const b = await r().apply(a.instance, config({ description: 'the primary one', value_wo_version: 2 }));
    expect(b.planned).toMatchObject({ version: UNKNOWN });
    expect(b.instance?.state).toMatchObject({ value_wo_version: 2, version: 2 });
    db = b.instance as Instance;
  });

  it('sees a rotation made elsewhere as drift and writes the configured value back', async () => {
    const id = db.state?.id as string;
    await sdk.secrets.update(id, { value: new Secret(ROTATED) });
    const got = await r().read(db);
    expect(got.instance.state).toMatchObject({ version: 3 });
    const a = await r().apply(got.instance, config({ description: 'the primary one', value_wo_version: 2 }));
    expect(a.planned).toMatchObject({ version: UNKNOWN });
    expect(a.instance?.state).toMatchObject({ version: 4 });
    db = a.instance as Instance;
  });

  it('plans a replacement when the name changes', async () => {
    const p = await r().plan(db, config({ name: 'DB_PASSWORD_2', value_wo_version: 2 }));
    expect(p.response?.requires_replace).toEqual([{ steps: [{ attribute_name: 'name' }] }]);
  });

  it('imports by id and by scope_type/scope_id/name, to the same state', async () => {
    const byId = await r().import(db.state?.id as string);
    expect(byId.diagnostics).toEqual([]);
    const byKey = await r().import('team/payments/DB_PASSWORD');
    expect(byKey.diagnostics).toEqual([]);
    expect(byKey.instance?.state).toEqual(byId.instance?.state);
    expect(byId.instance?.state).toMatchObject({
      id: db.state?.id,
      name: 'DB_PASSWORD',
      version: 4,
      value: null,
      value_wo: null,
      value_wo_version: null,
    });
    const missing = await r().import('team/payments/NOPE');
    expect(summaries(missing.diagnostics)).toEqual(['Cannot import: no such secret']);
  });

  it('refuses to create a name its scope holds already (409), creating nothing', async () => {
    const a = await r().apply(null, config());
    expect(summaries(a.diagnostics)).toEqual(['Secret already exists']);
    expect(a.diagnostics[0]?.attribute?.steps).toEqual([{ attribute_name: 'name' }]);
    expect(a.instance?.state).toBeNull();
  });

  it('refuses a team that does not exist, at scope_id, creating nothing', async () => {
    const a = await r().apply(null, config({ scope_id: 'no-such-team' }));
    expect(a.diagnostics.length).toBeGreaterThan(0);
    expect(a.diagnostics[0]?.attribute?.steps).toEqual([{ attribute_name: 'scope_id' }]);
    expect(a.diagnostics[0]?.detail).toContain('no-such-team');
    expect(a.instance?.state).toBeNull();
  });

  it('deletes, and a refresh afterwards drops the object', async () => {
    const d = await r().apply(db, null);
    expect(d.diagnostics).toEqual([]);
    expect(d.instance?.state).toBeNull();
    const got = await r().read(db);
    expect(got.diagnostics).toEqual([]);
    expect(got.instance.state).toBeNull();
  });

  it('never put the value into a response', () => {
    const all = cli.responsesText();
    expect(all).toContain('primary database'); // the search reads the msgpack bytes
    expect(all.length).toBeGreaterThan(1000);
    expect(all).not.toContain(VALUE);
    expect(all).not.toContain(ROTATED);
  });
});
