// Where a secret could leak, one test per surface: the argv of every process, the config file's mode,
// stdout and stderr of every command (except an explicit --reveal / export), the advice on a refused value.
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { RunningServer } from '@coffer/server/launch';
import { describe, expect, it } from 'vitest';
import { coffer, collect, type Home, home, type Result, start, waitFor, withSession } from './support.ts';

const FIX = join(import.meta.dirname, 'fixtures');
const V = {
  created: 'leak-check-created-4f1a',
  rotated: 'leak-check-rotated-9b2c',
  override: 'sk-leak-check-override-77d0',
  imported: 'leak-check-imported-31e5',
  argv: 'leak-check-argv-c0ffee',
};
const ALL = Object.values(V);

let server: RunningServer;
let h: Home;
let env: NodeJS.ProcessEnv;
withSession(
  (s) => {
    ({ server, h, env } = s);
  },
  {},
  { teams: ['leak', 'hist'], workspaces: { 'ws-leak': 'leak' } },
);

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

/** The argv of every process on the machine that we can read (the CLI, its child, the server, anything). */
function everyArgv(): string {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map((d) => cmdline(Number(d)))
    .join('\n');
}

function expectClean(r: Result, what: string, also: string[] = []): void {
  for (const v of [...ALL, server.apiKey, ...also]) {
    expect(r.stdout, `${what}: stdout`).not.toContain(v);
    expect(r.stderr, `${what}: stderr`).not.toContain(v);
  }
}

describe.skipIf(process.platform !== 'linux')('argv of every process', () => {
  it('holds no value while coffer reads one from stdin, nor while coffer run and its child are running', async () => {
    const c = start(['secrets', 'create', 'ARGV_CHECK', '--scope', 'team:leak', '--stdin'], env, 'keep-open');
    const done = collect(c);
    await new Promise((r) => setTimeout(r, 300));
    c.stdin?.write(V.created);
    await new Promise((r) => setTimeout(r, 100));
    const seen = everyArgv();
    expect(seen).toContain('ARGV_CHECK'); // we did read the CLI's own argv
    for (const v of ALL) expect(seen).not.toContain(v);
    c.stdin?.end();
    expect((await done).code).toBe(0);

    const run = start(
      ['run', '--workspace', 'ws-leak', '--', process.execPath, join(FIX, 'signals.mjs')],
      env,
    );
    const ran = collect(run);
    let out = '';
    run.stdout?.on('data', (b: Buffer) => {
      out += b.toString();
    });
    await waitFor(
      () => out,
      (s) => s.includes('ready'),
    );
    const childPid = Number(/ready (\d+)/.exec(out)?.[1]);
    const during = everyArgv();
    expect(cmdline(childPid)).toContain('signals.mjs');
    expect(cmdline(run.pid as number)).toContain('run');
    for (const v of [...ALL, server.apiKey]) expect(during).not.toContain(v);
    run.kill('SIGTERM');
    await ran;
  });
});

describe('the config file', () => {
  it("coffer's own directory is made 0700 when it existed wider", async () => {
    const me = home();
    try {
      mkdirSync(join(me.dir, '.config', 'coffer'), { recursive: true, mode: 0o755 });
      chmodSync(join(me.dir, '.config', 'coffer'), 0o755);
      const r = await coffer(['login', '--base-url', server.baseUrl, '--stdin'], me.env, server.apiKey);
      expect(r.code, r.stderr).toBe(0);
      expect(statSync(join(me.dir, '.config', 'coffer')).mode & 0o777).toBe(0o700);
      expect(statSync(me.configPath).mode & 0o777).toBe(0o600);
    } finally {
      me.remove();
    }
  });

  it('is written 0600 in a 0700 directory, and rewritten 0600 when it was wider', async () => {
    const me = home();
    try {
      const r = await coffer(['login', '--base-url', server.baseUrl, '--stdin'], me.env, server.apiKey);
      expect(r.code, r.stderr).toBe(0);
      expect(statSync(me.configPath).mode & 0o777).toBe(0o600);
      expect(statSync(join(me.dir, '.config', 'coffer')).mode & 0o777).toBe(0o700);
      chmodSync(me.configPath, 0o644);
      const warn = await coffer(['whoami'], me.env);
      expect(warn.stderr).toMatch(/is readable by others \(mode 644\): run `chmod 600/);
      await coffer(
        ['--profile', 'second', 'login', '--base-url', server.baseUrl, '--stdin'],
        me.env,
        server.apiKey,
      );
      expect(statSync(me.configPath).mode & 0o777).toBe(0o600);
      const profiles = await coffer(['profiles', 'list'], me.env);
      // Not even the head of an operator's key (the server lists such keys with no prefix at all).
      const head = server.apiKey.slice(0, 14);
      for (const x of [r, warn, profiles]) expect(x.stdout + x.stderr).not.toContain(head);
      expect(profiles.stdout).toMatch(/a key not minted by the server/);
      expectClean(r, 'login');
      expectClean(warn, 'whoami');
    } finally {
      me.remove();
    }
  });
});

describe('stdout and stderr of every command', () => {
  it('never show a value or the API key (only --reveal and export print values)', async () => {
    const valueFile = join(h.dir, 'v.txt');
    writeFileSync(valueFile, V.rotated);
    const envFile = join(h.dir, 'leak.env');
    writeFileSync(envFile, `LEAK_IMPORTED='${V.imported}'\n`);
    const debug = { ...env, COFFER_LOG: 'debug' };
    const steps: [string[], string?][] = [
      [['whoami']],
      [['whoami', '--json']],
      [['secrets', 'create', 'LEAK_A', '--scope', 'team:leak', '--stdin'], V.created],
      [['secrets', 'create', 'LEAK_A', '--scope', 'team:leak', '--stdin', '--json'], V.created], // 409
      [['secrets', 'list', '--scope', 'team:leak']],
      [['secrets', 'list', '--json']],
      [['secrets', 'get', 'LEAK_A', '--scope', 'team:leak', '--json']],
      [['secrets', 'update', 'LEAK_A', '--scope', 'team:leak', '--from-file', valueFile, '--json']],
      [['overrides', 'set', 'OPENAI_API_KEY', '--workspace', 'ws-leak', '--stdin', '--json'], V.override],
      [
        ['overrides', 'set', 'OPENAI_API_KEY', '--workspace', 'ws-leak', '--stdin', '--create-only'],
        V.override,
      ], // 412
      [['overrides', 'list', '--workspace', 'ws-leak', '--json']],
      [['import', envFile, '--scope', 'workspace:ws-leak', '--progress', '--json']],
      [['import', envFile, '--scope', 'workspace:ws-leak']], // 409
      [['resolve', '--workspace', 'ws-leak', 'LEAK_A', 'OPENAI_API_KEY', 'LEAK_IMPORTED']],
      [['resolve', '--workspace', 'ws-leak', 'LEAK_A', 'OPENAI_API_KEY', 'LEAK_IMPORTED', '--json']],
      [['run', '--workspace', 'ws-leak', '--', 'true']],
      [['run', '--workspace', 'ws-leak', '--only', 'LEAK_A,MISSING_ONE', '--', 'true']],
      [['export', '--workspace', 'ws-leak', '--output', join(h.dir, 'out.env'), '--progress']],
      [['audit', 'reads']],
      [['audit', 'reads', '--json']],
      [['audit', 'events', '--json']],
      [['keys', 'list', '--json']],
      [['secrets-manager', 'get', '--json']],
      [['secrets-manager', 'check']],
      [['secrets', 'create', V.argv, '--scope', 'team:leak', '--stdin'], 'x'], // a value where the name goes
      [['secrets', 'create', 'LEAK_B', '--scope', 'team:leak', V.argv]],
      [['secrets', 'create', 'LEAK_B', '--scope', 'team:leak', `--value=${V.argv}`]],
      [['overrides', 'set', 'OPENAI_API_KEY', '--workspace', 'ws-leak', V.argv]],
      [['login', V.argv]],
      [['secrets-manager', 'set', '--backend', 'VAULT', '--vault-token', V.argv]],
      [['secrets', 'delete', 'LEAK_A', '--scope', 'team:leak']],
    ];
    let stderr = '';
    for (const [args, input] of steps) {
      const r = await coffer(args, debug, input);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).not.toBe(1);
      expectClean(r, args.join(' '));
      stderr += r.stderr;
    }
    // The SDK's debug log was on, with request bodies (values redacted).
    expect(stderr).toMatch(
      /\[coffer\] request PUT \/v1\/workspaces\/\{workspaceId\}\/secrets\/\{key\} .*"value":"\[redacted\]"/,
    );
    // The exported file holds them (that is what it is for), with mode 0600.
    expect(readFileSync(join(h.dir, 'out.env'), 'utf8')).toContain(V.imported);
    expect(statSync(join(h.dir, 'out.env')).mode & 0o777).toBe(0o600);
    // And --reveal does print them, on stdout only.
    const reveal = await coffer(['resolve', '--workspace', 'ws-leak', 'LEAK_IMPORTED', '--reveal'], env);
    expect(reveal.stdout).toContain(V.imported);
    expect(reveal.stderr).not.toContain(V.imported);
  });
});

describe('export --output that cannot be written', () => {
  it('leaves no temporary file holding the values behind, and is exit 2 with what failed', async () => {
    await coffer(
      ['secrets', 'create', 'LEAK_OUT', '--scope', 'workspace:ws-leak', '--stdin'],
      env,
      V.created,
    );
    const parent = mkdtempSync(join(h.dir, 'out-'));
    mkdirSync(join(parent, 'a-directory'));
    for (const target of [join(parent, 'a-directory'), join(parent, 'no-such-dir', 'x.env')]) {
      const r = await coffer(
        ['export', '--workspace', 'ws-leak', '--only', 'LEAK_OUT', '--output', target],
        env,
      );
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/^error: cannot write --output: E[A-Z]+\n/);
      expectClean(r, 'export --output');
    }
    expect(readdirSync(parent)).toEqual(['a-directory']);
    expect(readdirSync(join(parent, 'a-directory'))).toEqual([]);
    await coffer(['secrets', 'delete', 'LEAK_OUT', '--scope', 'workspace:ws-leak'], env);
  });
});

describe('a value refused on the command line', () => {
  it('gets advice on passing it safely and cleaning the shell history, without the value', async () => {
    const r = await coffer(['secrets', 'create', 'HIST_A', '--scope', 'team:hist', V.argv], env);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain(V.argv);
    expect(r.stderr).toContain(
      'visible to every user in the process list and is saved in your shell history',
    );
    expect(r.stderr).toContain('coffer secrets create HIST_A --scope team:hist --stdin < value.txt');
    expect(r.stderr).toContain('printf %s "$VALUE" | coffer secrets create HIST_A --scope team:hist --stdin');
    expect(r.stderr).toContain('--from-file value.txt');
    expect(r.stderr).toContain('history -d <number>');
    expect(r.stderr).toContain('~/.zsh_history');
    expect(
      JSON.parse((await coffer(['secrets', 'list', '--scope', 'team:hist', '--json'], env)).stdout),
    ).toEqual([]);
  });
});
