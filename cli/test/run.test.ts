// `coffer run --workspace W -- cmd`: the child gets the values, coffer prints none, signals reach the
// child, and the exit code is the child's.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coffer, collect, start, waitFor, withSession } from './support.ts';

const FIX = join(import.meta.dirname, 'fixtures');
const VALUES = {
  RUN_DB_URL: 'postgres://u:run-secret-1@db/x',
  RUN_TOKEN: 'run-secret-2-tok',
  OPENAI_API_KEY: 'sk-run-secret-3',
};
const hashOf = (names: string[], vals: Record<string, string>) =>
  createHash('sha256')
    .update(names.map((n) => `${n}=${vals[n] ?? '<unset>'}`).join('\n'))
    .digest('hex');

let env: NodeJS.ProcessEnv;
withSession(
  async (s) => {
    ({ env } = s);
    await coffer(
      ['secrets', 'create', 'RUN_DB_URL', '--scope', 'organization:default', '--stdin'],
      env,
      VALUES.RUN_DB_URL,
    );
    await coffer(
      ['secrets', 'create', 'RUN_TOKEN', '--scope', 'workspace:ws-run', '--stdin'],
      env,
      VALUES.RUN_TOKEN,
    );
    await coffer(
      ['overrides', 'set', 'OPENAI_API_KEY', '--workspace', 'ws-run', '--stdin'],
      env,
      VALUES.OPENAI_API_KEY,
    );
  },
  {},
  { workspaces: { 'ws-run': null } },
);

const names = Object.keys(VALUES);

describe('coffer run', () => {
  it('the child sees every value of the chain; coffer prints none of them', async () => {
    const r = await coffer(
      ['run', '--workspace', 'ws-run', '--', process.execPath, join(FIX, 'env-hash.mjs'), ...names],
      env,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`hash ${hashOf(names, VALUES)}\n`);
    expect(r.stderr).toBe('');
  });

  it('--only passes just those names, and the values win over variables already set', async () => {
    const r = await coffer(
      [
        'run',
        '--workspace',
        'ws-run',
        '--only',
        'RUN_TOKEN',
        '--',
        process.execPath,
        join(FIX, 'env-hash.mjs'),
        'RUN_TOKEN',
        'RUN_DB_URL',
      ],
      { ...env, RUN_TOKEN: 'from-the-shell' },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`hash ${hashOf(['RUN_TOKEN', 'RUN_DB_URL'], { RUN_TOKEN: VALUES.RUN_TOKEN })}\n`);
  });

  it('--only with a name that resolves nowhere does not run the command (exit 10)', async () => {
    const r = await coffer(
      ['run', '--workspace', 'ws-run', '--only', 'RUN_TOKEN,NOT_THERE', '--', 'sh', '-c', 'echo ran'],
      env,
    );
    expect(r.code).toBe(10);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/not resolved in workspace ws-run: NOT_THERE; the command was not run/);
  });

  it("passes the command's own flags through untouched (they are not coffer's)", async () => {
    const r = await coffer(
      [
        'run',
        '--workspace',
        'ws-run',
        '--only',
        'RUN_TOKEN',
        '--',
        'sh',
        '-c',
        'echo "[$NO_COLOR]" "$@"',
        'sh',
        '--no-color',
        '--json',
        '--help',
      ],
      env,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('[] --no-color --json --help\n');
  });

  it("exits with the child's exit code", async () => {
    for (const code of [0, 3, 42]) {
      const r = await coffer(
        ['run', '--workspace', 'ws-run', '--only', 'RUN_TOKEN', '--', 'sh', '-c', `exit ${code}`],
        env,
      );
      expect(r.code).toBe(code);
    }
  });

  it('a command that does not exist is exit 127, one that cannot be executed 126', async () => {
    const r = await coffer(
      ['run', '--workspace', 'ws-run', '--only', 'RUN_TOKEN', '--', 'no-such-command-xyz'],
      env,
    );
    expect(r.code).toBe(127);
    expect(r.stderr).toMatch(/command not found: no-such-command-xyz/);
    const x = await coffer(
      ['run', '--workspace', 'ws-run', '--only', 'RUN_TOKEN', '--', join(FIX, 'env-hash.mjs')],
      env,
    );
    expect(x.code).toBe(126);
  });

  for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    it(`${sig} sent to coffer reaches the child, and coffer exits with the child's code`, async () => {
      const child = start(
        [
          'run',
          '--workspace',
          'ws-run',
          '--only',
          'RUN_TOKEN',
          '--',
          process.execPath,
          join(FIX, 'signals.mjs'),
        ],
        env,
      );
      const done = collect(child);
      let out = '';
      child.stdout?.on('data', (c: Buffer) => {
        out += c.toString();
      });
      await waitFor(
        () => out,
        (s) => s.includes('ready'),
      );
      child.kill(sig);
      const r = await done;
      expect(r.stdout).toMatch(new RegExp(`got ${sig}`));
      expect(r.code).toBe({ SIGTERM: 43, SIGINT: 44, SIGHUP: 45 }[sig]);
    });
  }

  it('a child killed by a signal makes coffer die of the same signal', async () => {
    const child = start(
      [
        'run',
        '--workspace',
        'ws-run',
        '--only',
        'RUN_TOKEN',
        '--',
        process.execPath,
        join(FIX, 'signals.mjs'),
        'die',
      ],
      env,
    );
    const done = collect(child);
    let out = '';
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
    });
    await waitFor(
      () => out,
      (s) => s.includes('ready'),
    );
    const pid = Number(/ready (\d+)/.exec(out)?.[1]);
    process.kill(pid, 'SIGTERM');
    const r = await done;
    expect(r.signal).toBe('SIGTERM');
  });

  it('a value with a NUL byte (no environment can hold it): the command is not run, the value is not printed', async () => {
    const value = 'nul-secret-a\0nul-secret-b';
    const c = await coffer(
      ['secrets', 'create', 'RUN_NUL', '--scope', 'workspace:ws-run', '--stdin'],
      env,
      value,
    );
    expect(c.code, c.stderr).toBe(0);
    const r = await coffer(
      ['run', '--workspace', 'ws-run', '--only', 'RUN_TOKEN,RUN_NUL', '--', 'sh', '-c', 'echo ran'],
      env,
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: the value of RUN_NUL holds a NUL byte.*the command was not run/);
    expect(r.stderr).not.toMatch(/nul-secret/);
    const d = await coffer(['secrets', 'delete', 'RUN_NUL', '--scope', 'workspace:ws-run'], env);
    expect(d.code, d.stderr).toBe(0);
  });

  it("the command does not get coffer's own API key, unless the chain has a secret of that name", async () => {
    const probe = ['COFFER_API_KEY', 'COFFER_BASE_URL', 'RUN_TOKEN'];
    const run = () =>
      coffer(
        ['run', '--workspace', 'ws-run', '--', process.execPath, join(FIX, 'env-hash.mjs'), ...probe],
        env,
      );
    const r = await run();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(
      `hash ${hashOf(probe, { COFFER_BASE_URL: env.COFFER_BASE_URL as string, RUN_TOKEN: VALUES.RUN_TOKEN })}\n`,
    );
    const own = 'cof_00000000_the-apps-own-runtime-key';
    const c = await coffer(
      ['secrets', 'create', 'COFFER_API_KEY', '--scope', 'workspace:ws-run', '--stdin'],
      env,
      own,
    );
    expect(c.code, c.stderr).toBe(0);
    const withOwn = await run();
    expect(withOwn.stdout).toBe(
      `hash ${hashOf(probe, { COFFER_API_KEY: own, COFFER_BASE_URL: env.COFFER_BASE_URL as string, RUN_TOKEN: VALUES.RUN_TOKEN })}\n`,
    );
    await coffer(['secrets', 'delete', 'COFFER_API_KEY', '--scope', 'workspace:ws-run'], env);
  });

  it('needs a command', async () => {
    const r = await coffer(['run', '--workspace', 'ws-run'], env);
    expect(r.code).toBe(2);
  });
});

describe('an answer with names that were not asked for', () => {
  it('is refused before the command runs (run) or anything is written (export): a server cannot add variables', async () => {
    // A stand-in for a compromised server (or anything between): it answers names no one asked for.
    const fake = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        res.setHeader('x-request-id', '11111111-1111-4111-8111-111111111111');
        const item = (name: string) => ({
          name,
          value: 'injected',
          source: 'workspace',
          scope: { type: 'workspace', id: 'ws-fake' },
          version: 1,
          expiresAt: null,
        });
        const path = new URL(req.url ?? '/', 'http://x').pathname;
        if (path === '/v1/workspaces/ws-fake')
          return res.end(
            JSON.stringify({ id: 'ws-fake', organizationId: 'default', teamId: null, name: 'x' }),
          );
        if (path === '/v1/workspaces/ws-fake/secrets')
          return res.end(JSON.stringify({ items: [], nextCursor: null }));
        if (path === '/v1/secrets')
          return res.end(JSON.stringify({ items: [{ name: 'LD_PRELOAD=/tmp/x.so X' }], nextCursor: null }));
        res.end(
          JSON.stringify({
            items: [item('RUN_TOKEN'), item('LD_PRELOAD=/tmp/x.so X'), item('NOT_ASKED')],
            missing: [],
          }),
        );
      });
    });
    await new Promise<void>((r) => fake.listen(0, '127.0.0.1', r));
    try {
      const fakeEnv = { ...env, COFFER_BASE_URL: `http://127.0.0.1:${(fake.address() as AddressInfo).port}` };
      const r = await coffer(
        ['run', '--workspace', 'ws-fake', '--only', 'RUN_TOKEN', '--', 'sh', '-c', 'echo ran'],
        fakeEnv,
      );
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^error: the server answered 2 name\(s\) that were not asked for/);
      expect(r.stderr).not.toMatch(/LD_PRELOAD|NOT_ASKED|injected/);
      const x = await coffer(['export', '--workspace', 'ws-fake', '--only', 'RUN_TOKEN'], fakeEnv);
      expect(x.code).toBe(1);
      expect(x.stdout).toBe('');
      // Without --only the names come from the server's lists: one that is no variable name stops it too.
      const all = await coffer(['run', '--workspace', 'ws-fake', '--', 'sh', '-c', 'echo ran'], fakeEnv);
      expect(all.code, all.stderr).toBe(1);
      expect(all.stdout).toBe('');
      expect(all.stderr).toMatch(/^error: the server listed a name that is not an environment-variable name/);
    } finally {
      await new Promise((r) => fake.close(r));
    }
  });
});
