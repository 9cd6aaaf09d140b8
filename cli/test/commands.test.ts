// Every command against a real `coffer serve`: what it prints for people, its --json shape, its exit code.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import type { RunningServer } from '@coffer/server/launch';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../src/program.ts';
import { COFFER_BIN, coffer, type Home, home, withSession } from './support.ts';

let server: RunningServer;
let h: Home;
let env: NodeJS.ProcessEnv;
withSession(
  (s) => {
    ({ server, h, env } = s);
  },
  {},
  {
    teams: ['who', 'payments', 'dup'],
    workspaces: {
      'ws-a': 'payments',
      'ws-o': null,
      'ws-r': null,
      'ws-imp': null,
      'ws-bad': null,
      'ws-aud': null,
      'ws-k': null,
    },
  },
);

const UUID = expect.stringMatching(/^[0-9a-f-]{36}$/);

describe('login, profiles, whoami', () => {
  it('login stores the key from stdin in a 0600 file, and the profile works without any COFFER_ variable', async () => {
    const me = home();
    try {
      const r = await coffer(
        ['login', '--base-url', server.baseUrl, '--stdin', '--json'],
        me.env,
        `${server.apiKey}\n`,
      );
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual({
        profile: 'default',
        baseUrl: server.baseUrl,
        keyPrefix: null, // an operator's key, not minted by the server: no characters of it are shown
        configPath: me.configPath,
        verified: true,
      });
      const list = await coffer(['secrets', 'list', '--json'], me.env);
      expect(list.code, list.stderr).toBe(0);
      expect(JSON.parse(list.stdout)).toEqual(expect.any(Array));

      const second = await coffer(
        ['--profile', 'other', 'login', '--base-url', server.baseUrl, '--stdin', '--no-verify'],
        me.env,
        server.apiKey,
      );
      expect(second.code, second.stderr).toBe(0);
      // This machine: no warning. Another host over plain http: a warning naming it (nothing is sent there).
      expect(second.stderr).not.toContain('plain http');
      const remote = await coffer(
        [
          '--profile',
          'far',
          'login',
          '--base-url',
          'http://coffer.example.invalid:8080',
          '--stdin',
          '--no-verify',
        ],
        me.env,
        server.apiKey,
      );
      expect(remote.code, remote.stderr).toBe(0);
      expect(remote.stderr).toContain('coffer.example.invalid is reached over plain http');
      expect(remote.stderr).not.toContain(server.apiKey);
      expect((await coffer(['--profile', 'far', 'logout'], me.env)).code).toBe(0);
      const profiles = JSON.parse((await coffer(['profiles', 'list', '--json'], me.env)).stdout);
      expect(profiles).toEqual([
        { name: 'default', current: true, baseUrl: server.baseUrl, keyPrefix: null },
        { name: 'other', current: false, baseUrl: server.baseUrl, keyPrefix: null },
      ]);
      expect((await coffer(['profiles', 'use', 'other'], me.env)).code).toBe(0);
      const who = JSON.parse((await coffer(['whoami', '--json'], me.env)).stdout);
      expect(who).toMatchObject({
        profile: 'other',
        baseUrl: server.baseUrl,
        baseUrlFrom: 'config',
        apiKeyFrom: 'config',
      });
      const out = await coffer(['logout', '--json'], me.env);
      expect(JSON.parse(out.stdout)).toEqual({ profile: 'other', removed: true });
      expect((await coffer(['--profile', 'nope', 'secrets', 'list'], me.env)).code).toBe(2);
    } finally {
      me.remove();
    }
  });

  it('login refuses a wrong key (exit 3) and stores nothing', async () => {
    const me = home();
    try {
      const r = await coffer(
        ['login', '--base-url', server.baseUrl, '--stdin'],
        me.env,
        'cof_00000000_wrongwrongwrongwrongwrong',
      );
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/login failed: 401/);
      expect(r.stderr).toMatch(/request id/);
      expect(() => readFileSync(me.configPath)).toThrow();
    } finally {
      me.remove();
    }
  });

  it('the environment wins over the profile', async () => {
    const me = home();
    try {
      await coffer(
        ['login', '--base-url', 'http://127.0.0.1:9', '--stdin', '--no-verify'],
        me.env,
        'cof_00000000_stale',
      );
      const r = await coffer(['whoami', '--json'], {
        ...me.env,
        COFFER_BASE_URL: server.baseUrl,
        COFFER_API_KEY: server.apiKey,
      });
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({
        baseUrl: server.baseUrl,
        baseUrlFrom: 'env',
        apiKeyFrom: 'env',
        keyPrefix: null,
        // The operator's bootstrap key is listed without a prefix; being the only one, it is found.
        key: {
          id: expect.any(String),
          name: 'bootstrap-owner',
          role: 'owner',
          scope: { type: 'organization', id: 'default' },
          organizationId: 'default',
          deployment: true,
        },
      });
    } finally {
      me.remove();
    }
  });

  it('whoami names a minted key, its role and scope', async () => {
    const k = JSON.parse(
      (
        await coffer(
          ['keys', 'create', '--name', 'whoami-admin', '--role', 'admin', '--scope', 'team:who', '--json'],
          env,
        )
      ).stdout,
    );
    const r = await coffer(['whoami', '--json'], { ...env, COFFER_API_KEY: k.token });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      profile: 'default',
      baseUrl: server.baseUrl,
      baseUrlFrom: 'env',
      apiKeyFrom: 'env',
      keyPrefix: k.prefix,
      key: {
        id: k.id,
        name: 'whoami-admin',
        role: 'admin',
        scope: { type: 'team', id: 'who' },
        organizationId: 'default',
        deployment: false,
      },
    });
    const table = await coffer(['whoami'], { ...env, COFFER_API_KEY: k.token });
    expect(table.stdout).toMatch(/role\s+admin/);
    expect(table.stdout).toMatch(/organization\s+default/);
    expect(table.stdout).toMatch(/deployment key\s+no/);
  });
});

describe('secrets', () => {
  it('create, list, get (by id and by name), update, delete', async () => {
    const c = await coffer(
      [
        'secrets',
        'create',
        'API_TOKEN',
        '--scope',
        'team:payments',
        '--category',
        'integration',
        '--stdin',
        '--json',
      ],
      env,
      'v1-value\n',
    );
    expect(c.code, c.stderr).toBe(0);
    const created = JSON.parse(c.stdout);
    expect(created).toMatchObject({
      id: UUID,
      name: 'API_TOKEN',
      scope: { type: 'team', id: 'payments' },
      version: 1,
    });
    expect(created).not.toHaveProperty('value');

    const list = await coffer(['secrets', 'list', '--scope', 'team:payments', '--json'], env);
    expect(JSON.parse(list.stdout).map((s: { name: string }) => s.name)).toContain('API_TOKEN');
    const table = await coffer(['secrets', 'list', '--scope', 'team:payments'], env);
    expect(table.stdout).toMatch(/^NAME\s+SCOPE\s+CATEGORY\s+VERSION/);
    expect(table.stdout).toMatch(/API_TOKEN\s+team:payments\s+integration\s+1/);

    const byName = JSON.parse(
      (await coffer(['secrets', 'get', 'API_TOKEN', '--scope', 'team:payments', '--json'], env)).stdout,
    );
    expect(byName.id).toBe(created.id);
    const byId = await coffer(['secrets', 'get', created.id], env);
    expect(byId.stdout).toMatch(/name\s+API_TOKEN/);

    const valueFile = join(h.dir, 'rotated.txt');
    writeFileSync(valueFile, 'v2-value\n');
    const u = await coffer(
      ['secrets', 'update', created.id, '--from-file', valueFile, '--if-match', '1', '--json'],
      env,
    );
    expect(u.code, u.stderr).toBe(0);
    expect(JSON.parse(u.stdout)).toMatchObject({ id: created.id, version: 2 });
    const meta = await coffer(
      ['secrets', 'update', 'API_TOKEN', '--scope', 'team:payments', '--description', 'rotated'],
      env,
    );
    expect(meta.code, meta.stderr).toBe(0);
    expect(meta.stderr).toMatch(/updated API_TOKEN in team:payments/);
    expect(meta.stderr).toMatch(/\(version 2, revision 3\)/);
    expect((await coffer(['secrets', 'get', created.id], env)).stdout).toMatch(/revision\s+3/);
    const stale = await coffer(
      ['secrets', 'update', created.id, '--description', 'x', '--if-match', '2'],
      env,
    );
    expect(stale.code).toBe(6);
    expect(stale.stderr).toMatch(/412/);

    const r = JSON.parse(
      (await coffer(['resolve', '--workspace', 'ws-a', 'API_TOKEN', '--reveal', '--json'], env)).stdout,
    );
    expect(r.items[0].value).toBe('v2-value');

    const d = await coffer(['secrets', 'delete', 'API_TOKEN', '--scope', 'team:payments', '--json'], env);
    expect(d.code, d.stderr).toBe(0);
    expect(JSON.parse(d.stdout)).toEqual({ id: created.id, deleted: true });
    expect((await coffer(['secrets', 'get', created.id], env)).code).toBe(5);
  });

  it('a second create of the same name is a conflict (exit 6)', async () => {
    await coffer(['secrets', 'create', 'DUP', '--scope', 'team:dup', '--stdin'], env, 'a');
    const r = await coffer(['secrets', 'create', 'DUP', '--scope', 'team:dup', '--stdin'], env, 'b');
    expect(r.code).toBe(6);
    expect(r.stderr).toMatch(/409/);
    expect(r.stderr).toMatch(/hint: .*update/);
  });
});

describe('overrides', () => {
  it('set (create-only too), list, delete', async () => {
    const s = await coffer(
      [
        'overrides',
        'set',
        'OPENAI_API_KEY',
        '--workspace',
        'ws-o',
        '--expires-in-days',
        '30',
        '--stdin',
        '--json',
      ],
      env,
      'sk-o',
    );
    expect(s.code, s.stderr).toBe(0);
    expect(JSON.parse(s.stdout)).toMatchObject({
      workspaceId: 'ws-o',
      key: 'OPENAI_API_KEY',
      version: 1,
      expiresAt: expect.any(String),
    });
    const again = await coffer(
      ['overrides', 'set', 'OPENAI_API_KEY', '--workspace', 'ws-o', '--create-only', '--stdin'],
      env,
      'sk-o2',
    );
    expect(again.code).toBe(6);
    const l = JSON.parse((await coffer(['overrides', 'list', '--workspace', 'ws-o', '--json'], env)).stdout);
    expect(l).toEqual([expect.objectContaining({ key: 'OPENAI_API_KEY', version: 1 })]);
    expect((await coffer(['overrides', 'list', '--workspace', 'ws-o'], env)).stdout).toMatch(
      /OPENAI_API_KEY\s+1/,
    );
    const bad = await coffer(['overrides', 'set', 'NOT_A_KEY', '--workspace', 'ws-o', '--stdin'], env, 'x');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/OPENAI_API_KEY, ANTHROPIC_API_KEY/);
    const d = await coffer(['overrides', 'delete', 'OPENAI_API_KEY', '--workspace', 'ws-o', '--json'], env);
    expect(JSON.parse(d.stdout)).toEqual({ workspaceId: 'ws-o', key: 'OPENAI_API_KEY', deleted: true });
    expect((await coffer(['overrides', 'delete', 'OPENAI_API_KEY', '--workspace', 'ws-o'], env)).code).toBe(
      5,
    );
  });
});

describe('resolve', () => {
  beforeAll(async () => {
    await coffer(
      ['secrets', 'create', 'R_ORG', '--scope', 'organization:default', '--stdin'],
      env,
      'org-value',
    );
    await coffer(['secrets', 'create', 'R_WS', '--scope', 'workspace:ws-r', '--stdin'], env, 'ws-value');
  });

  it('shows where each name resolves, values hidden; exit 10 when a name is missing', async () => {
    const r = await coffer(['resolve', '--workspace', 'ws-r', 'R_ORG', 'R_WS'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/R_ORG\s+organization\s+organization:default\s+1/);
    expect(r.stdout).toMatch(/R_WS\s+workspace\s+workspace:ws-r\s+1/);
    expect(r.stderr).toMatch(/add --reveal/);
    const j = await coffer(['resolve', '--workspace', 'ws-r', 'R_ORG', 'R_NONE', '--json'], env);
    expect(j.code).toBe(10);
    expect(JSON.parse(j.stdout)).toEqual({
      items: [
        {
          name: 'R_ORG',
          source: 'organization',
          scope: { type: 'organization', id: 'default' },
          version: 1,
          expiresAt: null,
        },
      ],
      missing: ['R_NONE'],
    });
  });

  it('--reveal prints NAME=value lines on stdout, and the JSON with values', async () => {
    const r = await coffer(['resolve', '--workspace', 'ws-r', 'R_ORG', 'R_WS', '--reveal'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(parseEnv(r.stdout)).toEqual({ R_ORG: 'org-value', R_WS: 'ws-value' });
    expect(r.stderr).not.toMatch(/value/);
    const j = JSON.parse(
      (await coffer(['resolve', '--workspace', 'ws-r', 'R_WS', '--reveal', '--json'], env)).stdout,
    );
    expect(j.items[0]).toEqual(expect.objectContaining({ name: 'R_WS', value: 'ws-value' }));
  });

  it('--reveal of a value no NAME=value line can hold: exit 2, the hint names --json (resolve has no --format)', async () => {
    const value = `it's "all" \`three\``;
    await coffer(['secrets', 'create', 'R_ALL_QUOTES', '--scope', 'workspace:ws-r', '--stdin'], env, value);
    const r = await coffer(['resolve', '--workspace', 'ws-r', 'R_ALL_QUOTES', '--reveal'], env);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/\nhint: use --json\n$/);
    expect(r.stderr).not.toContain('three');
    const j = JSON.parse(
      (await coffer(['resolve', '--workspace', 'ws-r', 'R_ALL_QUOTES', '--reveal', '--json'], env)).stdout,
    );
    expect(j.items[0].value).toBe(value);
  });
});

describe('import and export', () => {
  it('imports a .env file (with a progress bar when asked), then exports it back exactly, as dotenv and JSON', async () => {
    const values: Record<string, string> = {
      IMP_PLAIN: 'plain',
      IMP_SPACES: ' lead and trail ',
      IMP_QUOTES: `it's "quoted"`,
      IMP_MULTI: 'line one\nline two',
      IMP_HASH: 'a#b=c',
    };
    for (let i = 0; i < 25; i++) values[`IMP_N${i}`] = `n-${i}`;
    const { formatDotenv } = await import('../src/dotenv.ts');
    const file = join(h.dir, 'in.env');
    writeFileSync(file, `# a comment\n${formatDotenv(Object.entries(values))}`);
    const r = await coffer(['import', file, '--scope', 'workspace:ws-imp', '--progress', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      scope: { type: 'workspace', id: 'ws-imp' },
      created: Object.keys(values).sort(), // util.parseEnv answers in name order
      updated: [],
      skipped: [],
    });
    expect(r.stderr).toMatch(/import \[.*\] 30\/30 100%/);

    const again = await coffer(['import', file, '--scope', 'workspace:ws-imp'], env);
    expect(again.code).toBe(6);
    expect(again.stderr).toMatch(/exists already.*stopped after 0 created/);
    const skip = JSON.parse(
      (await coffer(['import', file, '--scope', 'workspace:ws-imp', '--on-conflict', 'skip', '--json'], env))
        .stdout,
    );
    expect(skip.skipped).toHaveLength(30);
    writeFileSync(file, "IMP_PLAIN='changed'\n");
    const upd = JSON.parse(
      (
        await coffer(
          ['import', file, '--scope', 'workspace:ws-imp', '--on-conflict', 'update', '--json'],
          env,
        )
      ).stdout,
    );
    expect(upd.updated).toEqual(['IMP_PLAIN']);
    values.IMP_PLAIN = 'changed';

    const only = Object.keys(values).join(',');
    const dot = await coffer(['export', '--workspace', 'ws-imp', '--only', only], env);
    expect(dot.code, dot.stderr).toBe(0);
    expect(parseEnv(dot.stdout)).toEqual(values);
    const js = await coffer(['export', '--workspace', 'ws-imp', '--format', 'json'], env);
    expect(js.code, js.stderr).toBe(0);
    const all = JSON.parse(js.stdout);
    for (const [k, v] of Object.entries(values)) expect(all[k]).toBe(v);
    const out = join(h.dir, 'out.env');
    writeFileSync(out, 'old\n', { mode: 0o644 });
    const f = await coffer(['export', '--workspace', 'ws-imp', '--only', 'IMP_PLAIN', '--output', out], env);
    expect(f.code, f.stderr).toBe(0);
    expect(f.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe("IMP_PLAIN='changed'\n");
    expect(statSync(out).mode & 0o777).toBe(0o600); // replaced by a 0600 file, not rewritten in place
  });

  it('refuses a file with a value over 65536 characters before sending any, naming it', async () => {
    const file = join(h.dir, 'big.env');
    writeFileSync(file, `BIG_FIRST=1\nBIG_VALUE=${'b'.repeat(65537)}\nBIG_LAST=3\n`);
    const r = await coffer(['import', file, '--scope', 'workspace:ws-bad'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: values over 65536 characters in .*: BIG_VALUE; nothing was imported/);
    expect(
      JSON.parse((await coffer(['secrets', 'list', '--scope', 'workspace:ws-bad', '--json'], env)).stdout),
    ).toEqual([]);
    // 65536 characters outside the BMP (two UTF-16 units each) are within the limit.
    writeFileSync(file, `BIG_EMOJI=${'\u{1F511}'.repeat(65536)}\n`);
    const ok = await coffer(['import', file, '--scope', 'workspace:ws-bad', '--json'], env);
    expect(ok.code, ok.stderr).toBe(0);
    await coffer(['secrets', 'delete', 'BIG_EMOJI', '--scope', 'workspace:ws-bad'], env);
  });

  it('refuses a file with a name that is not an environment-variable name, importing nothing', async () => {
    const file = join(h.dir, 'bad.env');
    writeFileSync(file, 'GOOD_ONE=1\nbad-name=2\n');
    const r = await coffer(['import', file, '--scope', 'workspace:ws-bad'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/1 name\(s\).*nothing was imported/);
    expect(
      JSON.parse((await coffer(['secrets', 'list', '--scope', 'workspace:ws-bad', '--json'], env)).stdout),
    ).toEqual([]);
  });
});

describe('audit', () => {
  it('reads and events as tables and JSON, with --since, --name and --type', async () => {
    await coffer(['secrets', 'create', 'AUD_X', '--scope', 'workspace:ws-aud', '--stdin'], env, 'aud');
    await coffer(['resolve', '--workspace', 'ws-aud', 'AUD_X'], env);
    const reads = await coffer(['audit', 'reads', '--since', '1h', '--name', 'AUD_X', '--json'], env);
    expect(reads.code, reads.stderr).toBe(0);
    const items = JSON.parse(reads.stdout);
    expect(items).toEqual([
      expect.objectContaining({
        secretName: 'AUD_X',
        scope: { type: 'workspace', id: 'ws-aud' },
        source: 'workspace',
        requestId: expect.any(String),
      }),
    ]);
    const t = await coffer(['audit', 'reads', '--name', 'AUD_X'], env);
    expect(t.stdout).toMatch(/^AT\s+NAME\s+SCOPE\s+SOURCE/);
    expect(t.stdout).toMatch(/AUD_X\s+workspace:ws-aud\s+workspace\s+DB\s+miss/);
    const future = await coffer(['audit', 'reads', '--since', '2999-01-01', '--json'], env);
    expect(JSON.parse(future.stdout)).toEqual([]);

    const ev = JSON.parse(
      (await coffer(['audit', 'events', '--type', 'secret.created', '--name', 'AUD_X', '--json'], env))
        .stdout,
    );
    expect(ev).toEqual([
      expect.objectContaining({ type: 'secret.created', target: expect.objectContaining({ name: 'AUD_X' }) }),
    ]);
    const evt = await coffer(['audit', 'events', '--limit', '1'], env);
    expect(evt.stdout.trim().split('\n')).toHaveLength(2);
    expect((await coffer(['audit', 'reads', '--since', 'yesterday'], env)).code).toBe(2);
  });
});

describe('keys', () => {
  it('create prints the token once; list never shows it; revoke', async () => {
    const c = await coffer(
      ['keys', 'create', '--name', 'ci', '--role', 'runtime', '--scope', 'workspace:ws-k'],
      env,
    );
    expect(c.code, c.stderr).toBe(0);
    const token = c.stdout.trim();
    expect(token).toMatch(/^cof_[0-9a-f]{8}_/);
    expect(c.stderr).toMatch(/created key ci \(runtime on workspace:ws-k, id [0-9a-f-]{36}\)/);
    const id = /id ([0-9a-f-]{36})/.exec(c.stderr)?.[1] as string;
    const l = await coffer(['keys', 'list', '--json'], env);
    expect(l.stdout).not.toContain(token);
    expect(JSON.parse(l.stdout)).toEqual(
      expect.arrayContaining([expect.objectContaining({ id, name: 'ci', role: 'runtime', revokedAt: null })]),
    );
    const r = await coffer(['keys', 'revoke', id, '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ id, revoked: true });
    const after = await coffer(['resolve', '--workspace', 'ws-k', 'X'], { ...env, COFFER_API_KEY: token });
    expect(after.code).toBe(3);
  });
});

describe('orgs, teams, workspaces', () => {
  it('teams: create, list, get, update with --if-match, delete (exit 6 while it holds secrets, then --cascade)', async () => {
    const c = await coffer(['teams', 'create', 'risk', '--name', 'Risk', '--json'], env);
    expect(c.code, c.stderr).toBe(0);
    expect(JSON.parse(c.stdout)).toMatchObject({
      id: 'risk',
      organizationId: 'default',
      name: 'Risk',
      revision: 1,
    });
    const human = await coffer(['teams', 'create', 'ops'], env);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stderr).toMatch(/created team ops in organization default/);
    expect((await coffer(['teams', 'create', 'ops'], env)).code).toBe(6);

    const l = JSON.parse((await coffer(['teams', 'list', '--json'], env)).stdout);
    expect(l.map((t: { id: string }) => t.id)).toEqual(expect.arrayContaining(['risk', 'ops', 'payments']));
    const table = await coffer(['teams', 'list'], env);
    expect(table.stdout).toMatch(/^ID\s+NAME\s+ORGANIZATION\s+REVISION\s+UPDATED/);
    expect(table.stdout).toMatch(/risk\s+Risk\s+default\s+1/);
    expect((await coffer(['teams', 'get', 'ops'], env)).stdout).toMatch(/name\s+ops/); // the name defaults to the id

    const u = await coffer(
      ['teams', 'update', 'risk', '--name', 'Risk & fraud', '--if-match', '1', '--json'],
      env,
    );
    expect(u.code, u.stderr).toBe(0);
    expect(JSON.parse(u.stdout)).toMatchObject({ name: 'Risk & fraud', revision: 2 });
    const stale = await coffer(['teams', 'update', 'risk', '--name', 'Late', '--if-match', '1'], env);
    expect(stale.code).toBe(6);
    expect(stale.stderr).toMatch(/412/);
    expect((await coffer(['teams', 'update', 'risk', '--name', ' padded'], env)).code).toBe(2);

    await coffer(['secrets', 'create', 'OPS_TOKEN', '--scope', 'team:ops', '--stdin'], env, 'ops-value');
    const full = await coffer(['teams', 'delete', 'ops'], env);
    expect(full.code).toBe(6);
    expect(full.stderr).toMatch(/409/);
    expect(full.stderr).toMatch(/hint: .*--cascade/);
    const d = await coffer(['teams', 'delete', 'ops', '--cascade', '--json'], env);
    expect(d.code, d.stderr).toBe(0);
    expect(JSON.parse(d.stdout)).toEqual({ id: 'ops', deleted: true, cascade: true });
    expect((await coffer(['teams', 'get', 'ops'], env)).code).toBe(5);
    expect((await coffer(['teams', 'get', 'no/such'], env)).code).toBe(2);
  });

  it('workspaces: create in a team, list --team, move to another team (resolve follows), --no-team, delete', async () => {
    await coffer(['teams', 'create', 'blue'], env);
    await coffer(['teams', 'create', 'green'], env);
    await coffer(['secrets', 'create', 'MV_KEY', '--scope', 'team:blue', '--stdin'], env, 'blue-value');
    await coffer(['secrets', 'create', 'MV_KEY', '--scope', 'team:green', '--stdin'], env, 'green-value');
    const c = await coffer(['workspaces', 'create', 'ws-mv', '--team', 'blue'], env);
    expect(c.code, c.stderr).toBe(0);
    expect(c.stderr).toMatch(/created workspace ws-mv in team blue \(organization default\)/);
    const loose = JSON.parse((await coffer(['workspaces', 'create', 'ws-loose', '--json'], env)).stdout);
    expect(loose).toMatchObject({
      id: 'ws-loose',
      teamId: null,
      organizationId: 'default',
      name: 'ws-loose',
    });

    const inBlue = JSON.parse((await coffer(['workspaces', 'list', '--team', 'blue', '--json'], env)).stdout);
    expect(inBlue.map((w: { id: string }) => w.id)).toEqual(['ws-mv']);
    const all = await coffer(['workspaces', 'list'], env);
    expect(all.stdout).toMatch(/^ID\s+NAME\s+ORGANIZATION\s+TEAM\s+REVISION/);
    expect(all.stdout).toMatch(/ws-loose\s+ws-loose\s+default\s+-\s+1/);
    expect((await coffer(['workspaces', 'get', 'ws-mv'], env)).stdout).toMatch(/team\s+blue/);

    const reveal = async () =>
      JSON.parse(
        (await coffer(['resolve', '--workspace', 'ws-mv', 'MV_KEY', '--reveal', '--json'], env)).stdout,
      ).items[0];
    expect(await reveal()).toMatchObject({
      value: 'blue-value',
      source: 'team',
      scope: { type: 'team', id: 'blue' },
    });

    const m = await coffer(['workspaces', 'move', 'ws-mv', '--team', 'green', '--if-match', '1'], env);
    expect(m.code, m.stderr).toBe(0);
    expect(m.stderr).toMatch(/workspace ws-mv: in team green \(revision 2\)/);
    expect(await reveal()).toMatchObject({ value: 'green-value', scope: { type: 'team', id: 'green' } });
    expect(
      (await coffer(['workspaces', 'move', 'ws-mv', '--team', 'blue', '--if-match', '1'], env)).code,
    ).toBe(6);
    expect((await coffer(['workspaces', 'move', 'ws-mv'], env)).code).toBe(2);
    expect((await coffer(['workspaces', 'move', 'ws-mv', '--team', 'nope'], env)).code).toBe(2); // 422: no such team

    const out = JSON.parse(
      (await coffer(['workspaces', 'update', 'ws-mv', '--no-team', '--name', 'Moved', '--json'], env)).stdout,
    );
    expect(out).toMatchObject({ teamId: null, name: 'Moved', revision: 3 });
    const gone = await coffer(['resolve', '--workspace', 'ws-mv', 'MV_KEY', '--json'], env);
    expect(gone.code).toBe(10);
    expect(JSON.parse(gone.stdout).missing).toEqual(['MV_KEY']);

    await coffer(['secrets', 'create', 'WS_ONLY', '--scope', 'workspace:ws-mv', '--stdin'], env, 'w');
    expect((await coffer(['workspaces', 'delete', 'ws-mv'], env)).code).toBe(6);
    const d = await coffer(['workspaces', 'delete', 'ws-mv', '--cascade'], env);
    expect(d.code, d.stderr).toBe(0);
    expect(d.stderr).toMatch(/deleted workspace ws-mv and everything in it/);
    expect((await coffer(['workspaces', 'delete', 'ws-loose', '--json'], env)).stdout).toMatch(
      /"deleted": true/,
    );
    expect((await coffer(['workspaces', 'get', 'ws-mv'], env)).code).toBe(5);
  });

  it('orgs: the bootstrap key (a deployment key) creates, lists, renames and deletes organizations', async () => {
    const l = JSON.parse((await coffer(['orgs', 'list', '--json'], env)).stdout);
    expect(l.map((o: { id: string }) => o.id)).toContain('default');
    const c = await coffer(['orgs', 'create', 'acme', '--name', 'Acme Corp'], env);
    expect(c.code, c.stderr).toBe(0);
    expect(c.stderr).toMatch(/created organization acme \(Acme Corp\)/);
    expect((await coffer(['organizations', 'get', 'acme'], env)).stdout).toMatch(/name\s+Acme Corp/);
    const u = JSON.parse((await coffer(['orgs', 'update', 'acme', '--name', 'Acme', '--json'], env)).stdout);
    expect(u).toMatchObject({ id: 'acme', name: 'Acme', revision: 2 });
    // The deployment key manages organizations, not what is in them: the new organization's owner key does that.
    const denied = await coffer(['teams', 'create', 'acme-team', '--org', 'acme'], env);
    expect(denied.code).toBe(4);
    const owner = JSON.parse(
      (
        await coffer(
          [
            'keys',
            'create',
            '--name',
            'acme-owner',
            '--role',
            'owner',
            '--scope',
            'organization:acme',
            '--json',
          ],
          env,
        )
      ).stdout,
    );
    expect(owner).toMatchObject({ organizationId: 'acme', deployment: false });
    const t = await coffer(['teams', 'create', 'acme-team'], { ...env, COFFER_API_KEY: owner.token });
    expect(t.stderr).toMatch(/created team acme-team in organization acme/);
    const mine = JSON.parse(
      (await coffer(['orgs', 'list', '--json'], { ...env, COFFER_API_KEY: owner.token })).stdout,
    );
    expect(mine.map((o: { id: string }) => o.id)).toEqual(['acme']);
    const full = await coffer(['orgs', 'delete', 'acme'], env);
    expect(full.code).toBe(6);
    expect(full.stderr).toMatch(/hint: .*--cascade/);
    expect((await coffer(['orgs', 'delete', 'acme', '--cascade'], env)).code).toBe(0);
    expect((await coffer(['orgs', 'get', 'acme'], env)).code).toBe(5);
  });

  it('a secret on a scope that does not exist: exit 2 and how to create the scope', async () => {
    const r = await coffer(
      ['secrets', 'create', 'NOWHERE', '--scope', 'team:not-created', '--stdin'],
      env,
      'v',
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/422/);
    expect(r.stderr).toMatch(/hint: .*coffer teams create/);
    const o = await coffer(
      ['overrides', 'set', 'OPENAI_API_KEY', '--workspace', 'ws-not-created', '--stdin'],
      env,
      'v',
    );
    expect(o.code).toBe(2);
    expect(o.stderr).toMatch(/hint: .*coffer workspaces create/);
  });

  it("--team of resolve, run and export is deprecated: a warning, and the workspace's own team is used", async () => {
    const r = await coffer(
      ['resolve', '--workspace', 'ws-a', '--team', 'dup', 'NOT_SET_ANYWHERE', '--json'],
      env,
    );
    expect(r.code).toBe(10);
    expect(r.stderr).toMatch(
      /warning: --team is deprecated and ignored: workspace ws-a resolves its own team's secrets/,
    );
    expect((await coffer(['resolve', '--help'], env)).stdout).not.toContain('--team');
  });
});

describe('secrets-manager', () => {
  it('get, set (flags and JSON on stdin), check', async () => {
    const g = await coffer(['secrets-manager', 'get', '--json'], env);
    expect(g.code, g.stderr).toBe(0);
    expect(JSON.parse(g.stdout)).toMatchObject({
      backend: 'DB',
      effectiveBackend: 'DB',
      cache: { ttlSeconds: expect.any(Number) },
    });
    const s = await coffer(['secrets-manager', 'set', '--backend', 'DB', '--cache-ttl', '0', '--json'], env);
    expect(s.code, s.stderr).toBe(0);
    expect(JSON.parse(s.stdout)).toMatchObject({ backend: 'DB', cache: { ttlSeconds: 0 } });
    const j = await coffer(
      ['secrets-manager', 'set', '--stdin'],
      env,
      JSON.stringify({ backend: 'DB', cache: { ttlSeconds: 60 } }),
    );
    expect(j.code, j.stderr).toBe(0);
    expect(j.stderr).toMatch(/secrets manager set to DB/);
    const c = await coffer(['secrets-manager', 'check', '--json'], env);
    expect(c.code, c.stderr).toBe(0);
    expect(JSON.parse(c.stdout)).toMatchObject({ ok: true, latencyMs: expect.any(Number) });
    expect((await coffer(['secrets-manager', 'get'], env)).stdout).toMatch(/cache ttl \(s\)\s+60/);
    const tok = await coffer(
      ['secrets-manager', 'set', '--backend', 'VAULT', '--vault-token', 'hvs.abc'],
      env,
    );
    expect(tok.code).toBe(2);
    expect(tok.stderr).not.toContain('hvs.abc');
  });
});

describe('help, version and completion', () => {
  const paths: string[][] = [];
  const walk = (c: ReturnType<typeof buildProgram>, path: string[]) => {
    paths.push(path);
    for (const s of c.commands) walk(s, [...path, s.name()]);
  };
  walk(buildProgram(), []);

  it('every command has --help (exit 0, a usage line and a description)', async () => {
    const helpable = paths.filter((p) => p[0] !== 'serve' && p[0] !== 'help');
    expect(helpable.length).toBeGreaterThan(30);
    const results = [];
    for (let i = 0; i < helpable.length; i += 4) {
      results.push(
        ...(await Promise.all(helpable.slice(i, i + 4).map((p) => coffer([...p, '--help'], h.env)))),
      );
    }
    for (const [i, r] of results.entries()) {
      expect(r.code, helpable[i]?.join(' ')).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Usage: coffer ${helpable[i]?.join(' ')}`));
    }
    const serve = await coffer(['serve', '--help'], h.env);
    expect(serve.code).toBe(0);
    expect(serve.stdout).toMatch(/usage: coffer serve \[--port 8080\]/);
  });

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8'));
    const r = await coffer(['--version'], h.env);
    expect(r).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  // Any older Node on the machine (this project's dev machines have Node 20 as the system node).
  const oldNode = ['/usr/bin/node', '/usr/local/bin/node'].find((p) => {
    const v = spawnSync(p, ['-p', 'process.versions.node']);
    return v.status === 0 && Number(v.stdout.toString().split('.')[0]) < 24;
  });
  it.skipIf(!oldNode)('on a Node older than 24.18 it says so (exit 1) instead of failing later', () => {
    const r = spawnSync(oldNode as string, [COFFER_BIN, '--version'], { env: h.env });
    expect(r.status).toBe(1);
    expect(r.stderr.toString()).toMatch(/^coffer needs Node.js 24.18 or later; this is v\d+/);
  });

  it('an unknown command or flag is a usage error (exit 2)', async () => {
    expect((await coffer(['secrets', 'lsit'], h.env)).code).toBe(2);
    const r = await coffer(['secrets', 'list', '--frobnicate'], h.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option '--frobnicate'/);
  });
});
