// Organizations, teams and workspaces through the SDK on every contract target: the mocks answer the spec's
// examples (so only shapes are checked there); the real server (behind `prism proxy --errors`, which fails any
// response that breaks the spec) is checked for state: revisions and If-Match, 409 NotEmpty and cascade, moves
// that change what a workspace resolves, scopes that must exist.
import {
  type APIError,
  ConflictError,
  NotFoundError,
  type Organization,
  PreconditionFailedError,
  Secret,
  type Team,
  UnprocessableEntityError,
  ValidationError,
  type Workspace,
} from '@coffer/sdk';
import { afterAll, describe, expect, it } from 'vitest';
import { client, ISO_DATE, stateful, target, uniq } from './helpers.ts';

const coffer = client();
afterAll(() => coffer.close());

const headersMocked = target !== 'steady-mock';
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const ETAG = /^"[0-9]+"$/;
const run = uniq().toLowerCase();

function expectRecord(r: Organization | Team | Workspace) {
  expect(r).toMatchObject({
    id: expect.stringMatching(ID),
    name: expect.any(String),
    createdAt: expect.stringMatching(ISO_DATE),
    updatedAt: expect.stringMatching(ISO_DATE),
    revision: expect.any(Number),
  });
  expect(r.revision).toBeGreaterThanOrEqual(1);
}

function expectWorkspace(w: Workspace) {
  expectRecord(w);
  expect(w.organizationId).toMatch(ID);
  expect(w.teamId === null || ID.test(w.teamId)).toBe(true);
}

/** The error a call ends in, whether the SDK throws before sending or the promise rejects. */
async function rejection(call: () => PromiseLike<unknown>): Promise<unknown> {
  try {
    await call();
  } catch (err) {
    return err;
  }
  throw new Error('expected the call to fail');
}

describe('organizations', () => {
  const id = `org-${run}`;

  it('list() answers the organizations the key sees (the bootstrap organization among them)', async () => {
    const page = await coffer.organizations.list({ limit: 50 }).page();
    expect(page.response.status).toBe(200);
    for (const o of page.items) expectRecord(o);
    if (stateful) expect(page.items.map((o) => o.id)).toContain('default');
  });

  it('create() (a deployment key), get() with an ETag, update() with If-Match, delete()', async () => {
    const created = await coffer.organizations.create({ id, name: 'Contract Org' }).withResponse();
    expect(created.response.status).toBe(201);
    expectRecord(created.data);
    if (headersMocked) expect(created.response.headers.get('etag')).toMatch(ETAG);
    const got = await coffer.organizations.get(id).withResponse();
    expectRecord(got.data);
    if (headersMocked) expect(got.response.headers.get('etag')).toMatch(ETAG);
    const renamed = await coffer.organizations.update(id, { name: 'Contract Org 2' }, { ifMatch: 1 });
    expectRecord(renamed);
    if (stateful) {
      expect(created.data).toMatchObject({ id, name: 'Contract Org', revision: 1 });
      expect(renamed).toMatchObject({ id, name: 'Contract Org 2', revision: 2 });
      const stale = await rejection(() => coffer.organizations.update(id, { name: 'late' }, { ifMatch: 1 }));
      expect(stale).toBeInstanceOf(PreconditionFailedError);
    }
    const del = await coffer.organizations.delete(id).withResponse();
    expect(del.response.status).toBe(204);
    if (stateful) expect(await rejection(() => coffer.organizations.get(id))).toBeInstanceOf(NotFoundError);
  });
});

describe('teams and workspaces', () => {
  const blue = `blue-${run}`;
  const green = `green-${run}`;
  const ws = `ws-t-${run}`;
  const name = `TEAM_LAYER_${run.toUpperCase()}`;

  it("teams.create() defaults the organization to the key's and the name to the id", async () => {
    const res = await coffer.teams.create({ id: blue }).withResponse();
    expect(res.response.status).toBe(201);
    expectRecord(res.data);
    if (headersMocked) expect(res.response.headers.get('etag')).toMatch(ETAG);
    await coffer.teams.create({ id: green, name: 'Green team' });
    if (stateful)
      expect(res.data).toMatchObject({ id: blue, organizationId: 'default', name: blue, revision: 1 });
  });

  it('teams.list(), get() and update() with If-Match', async () => {
    const page = await coffer.teams.list({ limit: 100 }).page();
    for (const t of page.items) expectRecord(t);
    const t = await coffer.teams.get(blue);
    expectRecord(t);
    const renamed = await coffer.teams.update(blue, { name: 'Blue team' }, { ifMatch: '"1"' });
    expectRecord(renamed);
    if (stateful) {
      expect(page.items.map((x) => x.id)).toEqual(expect.arrayContaining([blue, green]));
      expect(renamed).toMatchObject({ name: 'Blue team', revision: 2 });
      expect(await rejection(() => coffer.teams.update(blue, { name: 'x' }, { ifMatch: 1 }))).toBeInstanceOf(
        PreconditionFailedError,
      );
    }
  });

  it('workspaces.create() in a team; list({ teamId }) and get()', async () => {
    const res = await coffer.workspaces.create({ id: ws, teamId: blue }).withResponse();
    expect(res.response.status).toBe(201);
    expectWorkspace(res.data);
    const page = await coffer.workspaces.list({ teamId: blue }).page();
    for (const w of page.items) expectWorkspace(w);
    const got = await coffer.workspaces.get(ws).withResponse();
    expectWorkspace(got.data);
    if (headersMocked) expect(got.response.headers.get('etag')).toMatch(ETAG);
    if (stateful) {
      expect(res.data).toMatchObject({ id: ws, teamId: blue, organizationId: 'default', revision: 1 });
      expect(page.items.map((w) => w.id)).toEqual([ws]);
    }
  });

  it("resolve() walks the workspace's own team, without teamId; a move changes it", async () => {
    await coffer.secrets.create({ name, scope: { type: 'team', id: blue }, value: new Secret('blue-v') });
    await coffer.secrets.create({ name, scope: { type: 'team', id: green }, value: new Secret('green-v') });
    const before = await coffer.secrets.resolve({ workspaceId: ws, names: [name] });
    for (const item of before.items) expect(item.value).toBeInstanceOf(Secret);
    const moved = await coffer.workspaces.update(ws, { teamId: green }, { ifMatch: 1 });
    expectWorkspace(moved);
    const after = await coffer.secrets.resolve({ workspaceId: ws, names: [name] });
    if (stateful) {
      expect(before.items[0]).toMatchObject({ source: 'team', scope: { type: 'team', id: blue } });
      expect(before.items[0]?.value.reveal()).toBe('blue-v');
      expect(moved).toMatchObject({ teamId: green, revision: 2 });
      expect(after.items[0]?.value.reveal()).toBe('green-v');
      // The deprecated teamId: accepted when it names the workspace's team, refused otherwise.
      await expect(
        coffer.secrets.resolve({ workspaceId: ws, teamId: green, names: [name] }),
      ).resolves.toMatchObject({
        missing: [],
      });
      const wrong = await rejection(() =>
        coffer.secrets.resolve({ workspaceId: ws, teamId: blue, names: [name] }),
      );
      expect(wrong).toBeInstanceOf(UnprocessableEntityError);
      expect((wrong as APIError).errors.map((e) => e.pointer)).toContain('/teamId');
    }
  });

  it('a secret on a scope that does not exist is refused with /scope/id (422)', async () => {
    if (!stateful) return; // a mock does not know which scopes exist
    const err = await rejection(() =>
      coffer.secrets.create({ name: 'NOWHERE', scope: { type: 'team', id: `nope-${run}` }, value: 'v' }),
    );
    expect(err).toBeInstanceOf(UnprocessableEntityError);
    expect((err as APIError).errors.map((e) => e.pointer)).toContain('/scope/id');
    expect((err as Error).message).not.toContain('"v"');
  });

  it('update({ teamId: null }) moves the workspace directly into its organization', async () => {
    const res = await coffer.workspaces.update(ws, { teamId: null, name: 'Loose workspace' });
    expectWorkspace(res);
    if (stateful) {
      expect(res).toMatchObject({ teamId: null, name: 'Loose workspace', revision: 3 });
      const r = await coffer.secrets.resolve({ workspaceId: ws, names: [name] });
      expect(r.missing).toEqual([name]);
    }
  });

  it('delete() of a team that still holds secrets is a 409 naming them; cascade deletes it', async () => {
    if (stateful) {
      const err = await rejection(() => coffer.teams.delete(blue));
      expect(err).toBeInstanceOf(ConflictError);
      expect((err as APIError).message).toMatch(/secret/);
      await expect(coffer.teams.get(blue)).resolves.toMatchObject({ id: blue });
    }
    const res = await coffer.teams.delete(blue, { cascade: true }).withResponse();
    expect(res.response.status).toBe(204);
    await coffer.teams.delete(green, { cascade: true });
    if (stateful) expect(await rejection(() => coffer.teams.get(blue))).toBeInstanceOf(NotFoundError);
  });

  it('workspaces.delete() answers 204; afterwards it resolves nothing (404)', async () => {
    const res = await coffer.workspaces.delete(ws).withResponse();
    expect(res.response.status).toBe(204);
    if (stateful) {
      expect(await rejection(() => coffer.workspaces.get(ws))).toBeInstanceOf(NotFoundError);
      expect(
        await rejection(() => coffer.secrets.resolve({ workspaceId: ws, names: [name] })),
      ).toBeInstanceOf(NotFoundError);
    }
  });

  it('ids the spec can never accept are refused by the SDK before anything is sent', async () => {
    for (const call of [
      () => coffer.teams.create({ id: '-bad' }),
      () => coffer.workspaces.create({ id: ws, teamId: 'no spaces' }),
      () => coffer.workspaces.get('a/b'),
      () => coffer.organizations.update('acme', { name: ' padded ' }),
    ]) {
      expect(await rejection(call)).toBeInstanceOf(ValidationError);
    }
  });
});
