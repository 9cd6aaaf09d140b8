/**
 * POST /v1/secrets-manager:migrate through a real `coffer serve` (in this process, so store rows and audit
 * details are at hand): DB -> Vault (dry run first), Vault -> DB deleting the old values, DB -> AWS on
 * moto, a migration interrupted by Vault going away (the TCP gate) then resumed, and one whose server is
 * killed (kill -9) mid-way, restarted and resumed. Every value is checked
 * where it lives and through resolve before, during and after; references (ENV, READONLY_VAULT) are left.
 */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnvBackend } from '../../src/backends/env.ts';
import { BackendRegistry } from '../../src/backends/registry.ts';
import { Directory } from '../../src/services/directory.ts';
import { Migration } from '../../src/services/migration.ts';
import { ResolveCache } from '../../src/services/resolve-cache.ts';
import { SecretValues } from '../../src/services/secret-values.ts';
import { SecretsManagerState } from '../../src/services/secrets-manager.ts';
import type { StorageBackend } from '../../src/store/types.ts';
import { type InProcessServer, startInProcess } from '../support/in-process.ts';
import {
  type Gate,
  type Moto,
  requireTool,
  startGate,
  startMoto,
  startVaultDev,
  type VaultDev,
} from '../support/remote-tools.ts';
import { call, type Res, startServer, type TestServer } from '../support/server.ts';
import { createScopes } from '../support/tenancy.ts';

interface Made {
  id: string;
  name: string;
  value: string;
  path: string;
  /** The workspace it resolves through (the sandbox's own secrets are not in checkout's chain). */
  ws?: string;
}

/** Secrets on every layer, each with its own value and the path the hierarchical layout gives it. */
const LAYERS = [
  { name: 'MIG_ORG', scope: { type: 'organization', id: 'acme' }, path: 'acme/MIG_ORG' },
  { name: 'MIG_TEAM', scope: { type: 'team', id: 'payments' }, path: 'acme/teams/payments/MIG_TEAM' },
  {
    name: 'MIG_WS',
    scope: { type: 'workspace', id: 'checkout' },
    path: 'acme/teams/payments/workspaces/checkout/MIG_WS',
  },
  {
    name: 'MIG_SANDBOX',
    scope: { type: 'workspace', id: 'sandbox' },
    path: 'acme/workspaces/sandbox/MIG_SANDBOX',
  },
] as const;

function harness() {
  const h = {
    srv: undefined as unknown as InProcessServer,
    api: (method: string, path: string, body?: unknown, key?: string): Promise<Res> =>
      call(h.srv.url, method, path, { key: key ?? h.srv.key, body }),
    async configure(body: Record<string, unknown>) {
      const r = await h.api('PUT', '/v1/secrets-manager', { cache: { ttlSeconds: 0 }, ...body });
      expect(r.status, r.text).toBe(200);
      return r.json;
    },
    async create(name: string, scope: { type: string; id: string }, value: string, path = ''): Promise<Made> {
      const r = await h.api('POST', '/v1/secrets', { name, scope, value });
      expect(r.status, r.text).toBe(201);
      const ws = scope.type === 'workspace' ? scope.id : 'checkout';
      return { id: r.json.id, name, value, path, ws };
    },
    async migrate(body: Record<string, unknown> = {}): Promise<Res> {
      return h.api('POST', '/v1/secrets-manager:migrate', body);
    },
    /** Every secret resolves to its value (through the workspace its layer is visible from). */
    async expectResolves(made: Made[]) {
      for (const workspaceId of new Set(made.map((m) => m.ws ?? 'checkout'))) {
        const these = made.filter((m) => (m.ws ?? 'checkout') === workspaceId);
        const r = await h.api('POST', '/v1/secrets:resolve', {
          workspaceId,
          names: these.map((m) => m.name),
        });
        expect(r.status, r.text).toBe(200);
        const got = Object.fromEntries(
          (r.json.items as { name: string; value: string }[]).map((i) => [i.name, i.value]),
        );
        expect(got).toEqual(Object.fromEntries(these.map((m) => [m.name, m.value])));
      }
    },
    async storage(id: string) {
      const r = await h.api('GET', `/v1/secrets/${id}`);
      expect(r.status, r.text).toBe(200);
      return r.json.storage as { backend: StorageBackend; reference: string | null; remoteVersion?: string };
    },
    async events(type: string) {
      const page = await h.srv.running.store.audit.listEvents({
        type,
        limit: 500,
        newestFirst: true,
      });
      return page.items;
    },
  };
  return h;
}

describe.skipIf(!requireTool('vault'))('migrate between DB and Vault', () => {
  let dev: VaultDev;
  let gate: Gate;
  const h = harness();
  const vault = () => ({ address: gate.address, token: dev.rootToken });
  let made: Made[] = [];
  let envId = '';
  let refId = '';

  beforeAll(async () => {
    dev = await startVaultDev('vault');
    gate = await startGate(dev.address);
    h.srv = await startInProcess({
      COFFER_ENV_BACKEND_ALLOW: 'MIG_FROM_ENV',
      MIG_FROM_ENV: 'env-bound-value',
    });
    await createScopes(h.srv.url, h.srv.key, {
      teams: ['payments'],
      workspaces: [['checkout', 'payments'], 'sandbox'],
    });
    await dev.api('POST', 'secret/data/external/ro', { data: { key: 'readonly-value' } });
  }, 60_000);
  afterAll(async () => {
    await h.srv?.stop();
    await gate?.stop();
    await dev?.stop();
  });

  it('DB -> Vault: a dry run writes nothing; the run moves each value (verified), leaves references, audits', async () => {
    made = [];
    for (const l of LAYERS) made.push(await h.create(l.name, l.scope, `db-${l.name}`, l.path));
    // A reference of each kind: an ENV binding and a READONLY_VAULT path.
    await h.configure({ backend: 'ENV' });
    const env = await h.api('POST', '/v1/secrets', {
      name: 'MIG_FROM_ENV',
      scope: { type: 'organization', id: 'acme' },
    });
    expect(env.status, env.text).toBe(201);
    envId = env.json.id;
    await h.configure({ backend: 'READONLY_VAULT', vault: vault() });
    const ro = await h.api('POST', '/v1/secrets', {
      name: 'MIG_READONLY',
      scope: { type: 'team', id: 'payments' },
      vaultRef: 'secret/data/external/ro#key',
    });
    expect(ro.status, ro.text).toBe(201);
    refId = ro.json.id;
    const references = [
      { name: 'MIG_FROM_ENV', value: 'env-bound-value', id: envId, path: '' },
      { name: 'MIG_READONLY', value: 'readonly-value', id: refId, path: '' },
    ];

    // Into a backend of references: nothing can move.
    const into = await h.migrate();
    expect(into.status).toBe(409);
    expect(into.json.detail).toMatch(/READONLY_VAULT, which holds references/);

    await h.configure({ backend: 'VAULT', vault: vault() });
    const dry = await h.migrate({ dryRun: true });
    expect(dry.status, dry.text).toBe(200);
    expect(dry.json).toMatchObject({ backend: 'VAULT', dryRun: true, moved: 0, remaining: 4 });
    expect(dry.json.skipped.map((s: { id: string; backend: string }) => [s.id, s.backend]).sort()).toEqual(
      [
        [envId, 'ENV'],
        [refId, 'READONLY_VAULT'],
      ].sort(),
    );
    expect((await dev.api('GET', 'secret/metadata/coffer', undefined)).status).toBe(404);
    for (const m of made) expect((await h.storage(m.id)).backend).toBe('DB');

    const run = await h.migrate();
    expect(run.status, run.text).toBe(200);
    expect(run.json).toEqual({
      backend: 'VAULT',
      dryRun: false,
      moved: 4,
      remaining: 0,
      skipped: expect.arrayContaining([
        { id: envId, backend: 'ENV', reason: expect.stringMatching(/no value to move/) },
        { id: refId, backend: 'READONLY_VAULT', reason: expect.stringMatching(/stays a reference/) },
      ]),
      sourcesDeleted: 0,
      sourcesKept: [],
    });
    for (const m of made) {
      const st = await h.storage(m.id);
      expect(st).toMatchObject({
        backend: 'VAULT',
        reference: `secret/data/coffer/${m.path}`,
        remoteVersion: '1',
      });
      const raw = await dev.api('GET', `secret/data/coffer/${m.path}`);
      expect(raw.json.data.data).toEqual({ value: m.value, coffer_secret_id: m.id });
      // The DB envelope went with the switch; the value's version did not change.
      const row = await h.srv.running.store.secrets.get(m.id);
      expect(row?.valueEnvelope).toBeNull();
      expect(row?.version).toBe(1);
    }
    await h.expectResolves([...made, ...references]);
    expect((await h.storage(envId)).backend).toBe('ENV');
    expect((await h.storage(refId)).backend).toBe('READONLY_VAULT');

    const runs = await h.events('secrets_manager.migrated');
    expect(runs.map((e) => e.details)).toEqual([
      expect.objectContaining({ backend: 'VAULT', dryRun: false, moved: 4, remaining: 0, skipped: 2 }),
      expect.objectContaining({ backend: 'VAULT', dryRun: true, moved: 0, remaining: 4, skipped: 2 }),
    ]);
    const switched = (await h.events('secret.updated')).filter((e) => e.details?.migrated === true);
    expect(switched.map((e) => e.details?.id).sort()).toEqual(made.map((m) => m.id).sort());
    expect(switched[0]?.details?.storage).toEqual({ from: 'DB', to: 'VAULT' });

    // Nothing left: a second run moves nothing.
    expect((await h.migrate()).json).toMatchObject({ moved: 0, remaining: 0 });
  });

  it('Vault -> DB with deleteSource: values come home, the old Vault values are deleted', async () => {
    // The vault settings stay, so the secrets stored there can still be read.
    await h.configure({ backend: 'DB', vault: vault() });
    const run = await h.migrate({ deleteSource: true });
    expect(run.status, run.text).toBe(200);
    expect(run.json).toMatchObject({
      backend: 'DB',
      moved: 4,
      remaining: 0,
      sourcesDeleted: 4,
      sourcesKept: [],
    });
    for (const m of made) {
      expect(await h.storage(m.id)).toEqual({ backend: 'DB', reference: null });
      expect((await dev.api('GET', `secret/metadata/coffer/${m.path}`)).status).toBe(404);
    }
    // Vault is not needed any more for them: with Vault gone they still resolve.
    await gate.close();
    try {
      await h.expectResolves(made);
    } finally {
      await gate.open();
    }
  });

  it('interrupted when Vault goes away mid-way: 503 naming it with what moved; values intact; a re-run finishes', async () => {
    const many: Made[] = [];
    for (let i = 0; i < 40; i++) {
      many.push(await h.create(`MIG_MANY_${i}`, { type: 'team', id: 'payments' }, `many-value-${i}`));
    }
    await h.configure({ backend: 'VAULT', vault: vault() });
    const started = h.migrate();
    // Close the gate once a few have been written to Vault (asked of Vault directly, not through the gate).
    for (let i = 0; i < 500; i++) {
      const l = await dev.api('GET', 'secret/metadata/coffer/acme/teams/payments?list=true');
      const keys = (l.json?.data?.keys ?? []) as string[];
      if (keys.filter((k) => k.startsWith('MIG_MANY_')).length >= 3) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    await gate.close();
    let stopped: Res;
    try {
      stopped = await started;
      expect(stopped.status, stopped.text).toBe(503);
      expect(Number(stopped.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(stopped.json.detail).toMatch(new RegExp(`^Vault at ${gate.address.replace(/[.]/g, '\\.')}`));
      const m = /stopped after moving (\d+) secrets?, (\d+) remain: run it again to continue/.exec(
        stopped.json.detail,
      );
      expect(m, stopped.json.detail).not.toBeNull();
      const moved = Number(m?.[1]);
      const remain = Number(m?.[2]);
      // The four layer secrets are already in DB from before; they move too.
      expect(moved + remain).toBe(44);
      expect(moved).toBeGreaterThanOrEqual(1);
      expect(remain).toBeGreaterThanOrEqual(1);
      // Exactly `moved` records switched; every other one is untouched in DB and resolves from there.
      const all = [...made, ...many];
      const backends = await Promise.all(all.map(async (s) => (await h.storage(s.id)).backend));
      expect(backends.filter((b) => b === 'VAULT')).toHaveLength(moved);
      const still = all.filter((_, i) => backends[i] === 'DB');
      expect(still).toHaveLength(remain);
      await h.expectResolves(still);
      const failed = (await h.events('secrets_manager.migrated'))[0]?.details;
      expect(failed).toMatchObject({ moved, remaining: remain, failed: expect.stringMatching(/^Vault at/) });
    } finally {
      await gate.open();
    }
    // Nothing changed for resolve; the re-run moves the rest (taking over any copy written but not switched).
    await h.expectResolves([...made, ...many]);
    const resumed = await h.migrate();
    expect(resumed.status, resumed.text).toBe(200);
    const m = /stopped after moving (\d+)/.exec(stopped.json.detail);
    expect(resumed.json).toMatchObject({ moved: 44 - Number(m?.[1]), remaining: 0 });
    for (const s of many) {
      const st = await h.storage(s.id);
      expect(st.backend).toBe('VAULT');
      expect(st.reference).toBe(`secret/data/coffer/acme/teams/payments/${s.name}`);
      const raw = await dev.api('GET', st.reference as string, undefined);
      expect(raw.json.data.data).toEqual({ value: s.value, coffer_secret_id: s.id });
    }
    await h.expectResolves([...made, ...many]);
    for (const v of [...many.map((s) => s.value), ...made.map((s) => s.value), dev.rootToken]) {
      expect(h.srv.logText()).not.toContain(v);
    }
  });

  it('a copy a stopped run left is taken over; a value Coffer did not write is not overwritten (skipped)', async () => {
    await h.configure({ backend: 'DB', vault: vault() });
    const orphan = await h.create('MIG_ORPHAN', { type: 'team', id: 'payments' }, 'orphan-db-value');
    const foreign = await h.create('MIG_FOREIGN', { type: 'team', id: 'payments' }, 'foreign-db-value');
    const base = 'secret/data/coffer/acme/teams/payments';
    // What a run that stopped between writing and switching leaves: Coffer's marker, this secret's id.
    await dev.api('POST', `${base}/MIG_ORPHAN`, {
      data: { value: 'stale-copy', coffer_secret_id: orphan.id },
    });
    await dev.api('POST', `${base}/MIG_FOREIGN`, { data: { value: 'written-by-someone-else' } });
    await h.configure({ backend: 'VAULT', vault: vault() });
    const run = await h.migrate();
    expect(run.status, run.text).toBe(200);
    expect(run.json).toMatchObject({ moved: 1, remaining: 0 });
    expect(run.json.skipped).toContainEqual({
      id: foreign.id,
      backend: 'DB',
      reason: expect.stringMatching(/a value Coffer did not write is already at .*MIG_FOREIGN/),
    });
    expect(await h.storage(orphan.id)).toMatchObject({ backend: 'VAULT', remoteVersion: '2' });
    expect((await dev.api('GET', `${base}/MIG_ORPHAN`)).json.data.data.value).toBe('orphan-db-value');
    expect((await h.storage(foreign.id)).backend).toBe('DB');
    expect((await dev.api('GET', `${base}/MIG_FOREIGN`)).json.data.data.value).toBe(
      'written-by-someone-else',
    );
    await h.expectResolves([orphan, foreign]);
  });

  it('a secret rotated while it is being copied is not switched to the stale copy; the next run moves it', async () => {
    await h.configure({ backend: 'DB', vault: vault() });
    const s1 = await h.create('MIG_RACED', { type: 'team', id: 'payments' }, 'before-rotation');
    await h.configure({ backend: 'VAULT', vault: vault() });
    // The migration itself, over the server's store, with a rotation landing between the copy (written to
    // Vault and verified) and the switch.
    const store = h.srv.running.store;
    const manager = new SecretsManagerState(store);
    const values = new SecretValues(store, manager, new BackendRegistry(), new EnvBackend(undefined, {}));
    let rotations = 0;
    const racing = new Proxy(store, {
      get(target, prop) {
        const v = Reflect.get(target, prop);
        if (prop !== 'transaction') return typeof v === 'function' ? v.bind(target) : v;
        return async (fn: never) => {
          if (rotations++ === 0) {
            const r = await h.api('PATCH', `/v1/secrets/${s1.id}`, { value: 'after-rotation' });
            expect(r.status, r.text).toBe(200);
          }
          return target.transaction(fn);
        };
      },
    });
    const run = await new Migration(racing, manager, values, new Directory(store, new ResolveCache())).run(
      { dryRun: false, deleteSource: false },
      {
        secretMoved: () => ({}) as never,
        run: (details) =>
          ({
            type: 'secrets_manager.migrated',
            principalId: null,
            requestId: null,
            name: null,
            scopeType: null,
            scopeId: null,
            organizationId: null,
            details,
          }) as never,
      },
    );
    expect(run).toMatchObject({ moved: 0, remaining: 1 });
    // Still in DB with the rotated value; the stale copy was taken back from Vault.
    expect((await h.storage(s1.id)).backend).toBe('DB');
    expect((await dev.api('GET', 'secret/metadata/coffer/acme/teams/payments/MIG_RACED')).status).toBe(404);
    await h.expectResolves([{ ...s1, value: 'after-rotation' }]);
    const again = await h.migrate();
    expect(again.json).toMatchObject({ moved: 1, remaining: 0 });
    const st = await h.storage(s1.id);
    expect(st.backend).toBe('VAULT');
    expect((await dev.api('GET', st.reference as string)).json.data.data.value).toBe('after-rotation');
    await h.expectResolves([{ ...s1, value: 'after-rotation' }]);
  });

  it('only a deployment key may migrate (an organization owner key without it: 403)', async () => {
    const k = await h.api('POST', '/v1/api-keys', {
      name: 'owner-not-deployment',
      role: 'owner',
      scope: { type: 'organization', id: 'acme' },
    });
    expect(k.status, k.text).toBe(201);
    const r = await h.api('POST', '/v1/secrets-manager:migrate', {}, k.json.token);
    expect(r.status).toBe(403);
    expect(r.json.detail).toMatch(/deployment key/);
    const bad = await h.migrate({ dryRun: 'yes' });
    expect(bad.status).toBe(422);
  });
});

describe.skipIf(!requireTool('moto'))('migrate DB -> AWS Secrets Manager', () => {
  let moto: Moto;
  const h = harness();
  const creds = { accessKeyId: 'AKIAMIGRATETESTMIGR', secretAccessKey: 'migrate-test-secret' };
  const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
  beforeAll(async () => {
    moto = await startMoto();
    process.env.AWS_ACCESS_KEY_ID = creds.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = creds.secretAccessKey;
    h.srv = await startInProcess();
    await createScopes(h.srv.url, h.srv.key, {
      teams: ['payments'],
      workspaces: [['checkout', 'payments'], 'sandbox'],
    });
  }, 60_000);
  afterAll(async () => {
    await h.srv?.stop();
    await moto?.stop();
    for (const [k, v] of [
      ['AWS_ACCESS_KEY_ID', saved.id],
      ['AWS_SECRET_ACCESS_KEY', saved.secret],
    ] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('moves every DB value into one AWS secret each, named by the layout, tagged, verified', async () => {
    const made: Made[] = [];
    for (const l of LAYERS) made.push(await h.create(l.name, l.scope, `aws-bound-${l.name}`, l.path));
    await h.configure({
      backend: 'AWS_SECRETS_MANAGER',
      aws: { region: 'eu-west-1', endpoint: moto.endpoint, recoveryWindowDays: 0 },
    });
    await h.expectResolves(made);
    const run = await h.migrate();
    expect(run.status, run.text).toBe(200);
    expect(run.json).toMatchObject({ backend: 'AWS_SECRETS_MANAGER', moved: 4, remaining: 0, skipped: [] });
    const sm = new SecretsManagerClient({ region: 'eu-west-1', endpoint: moto.endpoint, credentials: creds });
    try {
      for (const m of made) {
        const st = await h.storage(m.id);
        expect(st.backend).toBe('AWS_SECRETS_MANAGER');
        const got = await sm.send(new GetSecretValueCommand({ SecretId: `coffer/${m.path}` }));
        expect(got).toMatchObject({ ARN: st.reference, SecretString: m.value, VersionId: st.remoteVersion });
      }
    } finally {
      sm.destroy();
    }
    await h.expectResolves(made);
    // A rotation after the move goes to AWS.
    const first = made[0] as Made;
    const p = await h.api('PATCH', `/v1/secrets/${first.id}`, { value: 'aws-rotated-after' });
    expect(p.status, p.text).toBe(200);
    await h.expectResolves([{ ...first, value: 'aws-rotated-after' }, ...made.slice(1)]);
    expect((await h.migrate()).json).toMatchObject({ moved: 0, remaining: 0 });
  });
});

describe.skipIf(!requireTool('vault') || !requireTool('moto'))('migrate Vault -> AWS Secrets Manager', () => {
  let dev: VaultDev;
  let moto: Moto;
  const h = harness();
  const creds = { accessKeyId: 'AKIAMIGRATEREMOTEMIG', secretAccessKey: 'migrate-remote-secret' };
  const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
  beforeAll(async () => {
    [dev, moto] = await Promise.all([startVaultDev('vault'), startMoto()]);
    process.env.AWS_ACCESS_KEY_ID = creds.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = creds.secretAccessKey;
    h.srv = await startInProcess();
    await createScopes(h.srv.url, h.srv.key, {
      teams: ['payments'],
      workspaces: [['checkout', 'payments'], 'sandbox'],
    });
  }, 60_000);
  afterAll(async () => {
    await h.srv?.stop();
    await moto?.stop();
    await dev?.stop();
    for (const [k, v] of [
      ['AWS_ACCESS_KEY_ID', saved.id],
      ['AWS_SECRET_ACCESS_KEY', saved.secret],
    ] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('moves remote to remote and, with deleteSource, removes every Vault version once each secret switched', async () => {
    const vault = { address: dev.address, token: dev.rootToken };
    const aws = { region: 'eu-west-1', endpoint: moto.endpoint, recoveryWindowDays: 0 };
    await h.configure({ backend: 'VAULT', vault });
    const made: Made[] = [];
    for (const l of LAYERS) made.push(await h.create(l.name, l.scope, `vault-held-${l.name}`, l.path));
    // A rotation first: the value that moves is the recorded version, not the first one.
    const first = made[0] as Made;
    expect((await h.api('PATCH', `/v1/secrets/${first.id}`, { value: 'vault-held-rotated' })).status).toBe(
      200,
    );
    first.value = 'vault-held-rotated';
    await h.configure({ backend: 'AWS_SECRETS_MANAGER', vault, aws });
    const run = await h.migrate({ deleteSource: true });
    expect(run.status, run.text).toBe(200);
    expect(run.json).toMatchObject({
      backend: 'AWS_SECRETS_MANAGER',
      moved: 4,
      remaining: 0,
      sourcesDeleted: 4,
    });
    const sm = new SecretsManagerClient({ region: 'eu-west-1', endpoint: moto.endpoint, credentials: creds });
    try {
      for (const m of made) {
        const st = await h.storage(m.id);
        expect(st.backend).toBe('AWS_SECRETS_MANAGER');
        const got = await sm.send(new GetSecretValueCommand({ SecretId: `coffer/${m.path}` }));
        expect(got).toMatchObject({ ARN: st.reference, SecretString: m.value });
        expect((await dev.api('GET', `secret/metadata/coffer/${m.path}`)).status).toBe(404);
      }
    } finally {
      sm.destroy();
    }
    // Vault is not needed any more: with it gone the values resolve from AWS.
    await dev.stop();
    await h.expectResolves(made);
  });
});

describe.skipIf(!requireTool('vault'))('migrate across a kill -9', () => {
  let dev: VaultDev;
  let first: TestServer | undefined;
  let second: TestServer | undefined;
  beforeAll(async () => {
    dev = await startVaultDev('vault');
  }, 60_000);
  afterAll(async () => {
    await second?.cleanup();
    await dev?.stop();
  });

  it('a migration killed mid-way resumes after the restart: nothing lost, nothing doubled', async () => {
    first = await startServer();
    const srv = first;
    // The first start's bootstrap key stays the key after the restart (the store has keys: a new one is ignored).
    const api = (s: TestServer, method: string, path: string, body?: unknown) =>
      call(s.url, method, path, { key: srv.key, body });
    await createScopes(srv.url, srv.key, { teams: ['payments'], workspaces: [['checkout', 'payments']] });
    const made: Array<{ id: string; name: string; value: string }> = [];
    for (let i = 0; i < 80; i++) {
      const name = `KILL_${i}`;
      const r = await api(srv, 'POST', '/v1/secrets', {
        name,
        scope: { type: 'team', id: 'payments' },
        value: `kill-value-${i}`,
      });
      expect(r.status, r.text).toBe(201);
      made.push({ id: r.json.id, name, value: `kill-value-${i}` });
    }
    const cfg = await api(srv, 'PUT', '/v1/secrets-manager', {
      backend: 'VAULT',
      vault: { address: dev.address, token: dev.rootToken },
      cache: { ttlSeconds: 0 },
    });
    expect(cfg.json.effectiveBackend).toBe('VAULT');
    const listed = async () => {
      const l = await dev.api('GET', 'secret/metadata/coffer/acme/teams/payments?list=true');
      return ((l.json?.data?.keys ?? []) as string[]).filter((k) => k.startsWith('KILL_'));
    };
    const running = api(srv, 'POST', '/v1/secrets-manager:migrate', {}).catch(() => null);
    await expect
      .poll(async () => (await listed()).length, { timeout: 15_000, interval: 5 })
      .toBeGreaterThan(2);
    srv.child.kill('SIGKILL');
    expect((await srv.exited).signal).toBe('SIGKILL');
    await running;
    const inVaultAtKill = (await listed()).length;
    expect(inVaultAtKill).toBeLessThan(made.length);

    second = await startServer({ dataDir: srv.dataDir });
    const resolveAll = async () => {
      const got: Record<string, string> = {};
      for (let i = 0; i < made.length; i += 50) {
        const part = made.slice(i, i + 50);
        const r = await api(second as TestServer, 'POST', '/v1/secrets:resolve', {
          workspaceId: 'checkout',
          names: part.map((m) => m.name),
        });
        expect(r.status, r.text).toBe(200);
        for (const item of r.json.items as Array<{ name: string; value: string }>)
          got[item.name] = item.value;
      }
      return got;
    };
    const want = Object.fromEntries(made.map((m) => [m.name, m.value]));
    // After the crash every secret still resolves to its value, wherever its record says it lives.
    expect(await resolveAll()).toEqual(want);
    const resumed = await api(second, 'POST', '/v1/secrets-manager:migrate', {});
    expect(resumed.status, resumed.text).toBe(200);
    expect(resumed.json.remaining).toBe(0);
    expect(resumed.json.moved).toBeGreaterThan(0);
    expect(resumed.json.moved).toBeLessThanOrEqual(made.length);
    expect(await resolveAll()).toEqual(want);
    // One Vault secret per Coffer secret, each holding its own value at version 1 (written once).
    expect((await listed()).sort()).toEqual(made.map((m) => m.name).sort());
    for (const m of made) {
      const st = (await api(second, 'GET', `/v1/secrets/${m.id}`)).json.storage;
      expect(st).toMatchObject({
        backend: 'VAULT',
        reference: `secret/data/coffer/acme/teams/payments/${m.name}`,
      });
      const raw = await dev.api('GET', st.reference);
      expect(raw.json.data.data).toEqual({ value: m.value, coffer_secret_id: m.id });
    }
    const again = await api(second, 'POST', '/v1/secrets-manager:migrate', {});
    expect(again.json).toMatchObject({ moved: 0, remaining: 0 });
  }, 120_000);
});
