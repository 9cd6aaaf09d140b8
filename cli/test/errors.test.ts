// Failures: each has its exit code, a message that says what happened (with the request id when the server
// answered) and a hint; with --json the same as one JSON object on stderr.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, type RunningServer } from '@coffer/server/launch';
import { describe, expect, it } from 'vitest';
import { coffer, collect, type Home, start, withSession } from './support.ts';

let server: RunningServer;
let h: Home;
let env: NodeJS.ProcessEnv;
withSession(
  (s) => {
    ({ server, h, env } = s);
  },
  {},
  { teams: ['t'], workspaces: { 'ws-e': 't' } },
);

describe('errors and exit codes', () => {
  it('no key configured: exit 3, with how to log in', async () => {
    const r = await coffer(['secrets', 'list'], { ...h.env, COFFER_BASE_URL: server.baseUrl });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^error: no API key configured\nhint: run `coffer login`/);
  });

  it('a wrong key: exit 3, the 401 with its request id and the hint', async () => {
    const r = await coffer(['secrets', 'list'], {
      ...env,
      COFFER_API_KEY: 'cof_00000000_notavalidkeynotavalidkey',
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^error: 401 .*request id [0-9a-zA-Z-]+\)\nhint: the API key was refused/);
  });

  it('a key with a trailing newline (from a file) works; control characters inside one are exit 3, not "unreachable"', async () => {
    const ok = await coffer(['secrets', 'list', '--json'], { ...env, COFFER_API_KEY: `${server.apiKey}\n` });
    expect(ok.code, ok.stderr).toBe(0);
    const bad = await coffer(['secrets', 'list'], { ...env, COFFER_API_KEY: `cof_ctl\u0001key-leak-9` });
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(/^error: the API key from COFFER_API_KEY holds control characters or spaces/);
    expect(bad.stderr).not.toContain('key-leak-9');
  });

  it('a wrong key with --json: one JSON error object on stderr, nothing on stdout', async () => {
    const r = await coffer(['secrets', 'list', '--json'], {
      ...env,
      COFFER_API_KEY: 'cof_00000000_notavalidkeynotavalidkey',
    });
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(JSON.parse(r.stderr)).toEqual({
      error: {
        kind: 'api',
        message: expect.stringMatching(/^401 /),
        exitCode: 3,
        status: 401,
        requestId: expect.any(String),
        hint: expect.stringMatching(/coffer login/),
      },
    });
  });

  it('a usage error with --json: one JSON error object on stderr too (exit 2)', async () => {
    for (const [args, message] of [
      [['secrets', 'list', '--json', '--bogus'], /unknown option '--bogus'/],
      [['secrets', 'get', '--json'], /missing required argument 'secret'/],
      [['overrides', 'list', '--json'], /required option '--workspace <id>' not specified/],
      [['secrets', 'list', 'surplus', '--json'], /too many arguments/],
    ] as const) {
      const r = await coffer([...args], env);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(JSON.parse(r.stderr), args.join(' ')).toEqual({
        error: {
          kind: 'usage',
          message: expect.stringMatching(message),
          exitCode: 2,
          hint: expect.any(String),
        },
      });
    }
  });

  it('a base URL holding credentials (user:password@) is refused without printing them', async () => {
    const url = new URL(server.baseUrl);
    url.username = 'proxy';
    url.password = 'url-pass-leak';
    for (const [args, e] of [
      [['secrets', 'list'], { ...env, COFFER_BASE_URL: url.href }],
      [['whoami'], { ...env, COFFER_BASE_URL: url.href }],
      [['login', '--base-url', url.href, '--stdin'], h.env],
    ] as const) {
      const r = await coffer([...args], e, server.apiKey);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^error: the base URL holds credentials/);
      expect(`${r.stdout}${r.stderr}`).not.toMatch(/url-pass-leak/);
    }
  });

  it('the server is down: exit 7, with the URL it tried', async () => {
    const port = await freePort();
    const r = await coffer(['secrets', 'list'], { ...env, COFFER_BASE_URL: `http://127.0.0.1:${port}` });
    expect(r.code).toBe(7);
    expect(r.stderr).toMatch(/ECONNREFUSED/);
    expect(r.stderr).toContain(`hint: is the server running at http://127.0.0.1:${port}?`);
  });

  it('a bad name is refused before anything is sent: exit 2, and the name is not echoed', async () => {
    const r = await coffer(['secrets', 'create', 'not-a-name', '--scope', 'team:t', '--stdin'], env, 'v');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: invalid secret name\nhint: names are environment-variable names/);
    expect(r.stderr).not.toContain('not-a-name');
    const s = await coffer(['secrets', 'list', '--scope', 'bogus:x'], env);
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/unknown scope type/);
    const w = await coffer(['resolve', '--workspace', 'ws!', 'A'], env);
    expect(w.code).toBe(2);
  });

  it('a value the server refuses (422, over 64 KiB): exit 2 with the field pointer', async () => {
    const r = await coffer(
      ['secrets', 'create', 'BIG', '--scope', 'team:t', '--stdin'],
      env,
      'x'.repeat(70_000),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/422 .*\/value/);
    expect(r.stderr).toMatch(/request id/);
  });

  it('not found: exit 5; permission denied: exit 4', async () => {
    const nf = await coffer(['secrets', 'get', 'NOPE', '--scope', 'team:t'], env);
    expect(nf.code).toBe(5);
    expect(nf.stderr).toMatch(/no secret NOPE in team:t/);
    const k = JSON.parse(
      (
        await coffer(
          ['keys', 'create', '--name', 'reader', '--role', 'member', '--scope', 'team:t', '--json'],
          env,
        )
      ).stdout,
    );
    const denied = await coffer(
      ['secrets', 'create', 'X', '--scope', 'team:t', '--stdin'],
      { ...env, COFFER_API_KEY: k.token },
      'v',
    );
    expect(denied.code).toBe(4);
    expect(denied.stderr).toMatch(/403 .*request id/);
    expect(denied.stderr).toMatch(/hint: .*coffer whoami/);
  });

  it('a runtime key cannot list the chain: coffer run says to name the secrets', async () => {
    const k = JSON.parse(
      (
        await coffer(
          ['keys', 'create', '--name', 'rt', '--role', 'runtime', '--scope', 'workspace:ws-e', '--json'],
          env,
        )
      ).stdout,
    );
    const r = await coffer(['run', '--workspace', 'ws-e', '--', 'true'], { ...env, COFFER_API_KEY: k.token });
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/^error: this key cannot list .*\(request id [0-9a-f-]{36}\)\n/);
    expect(r.stderr).toMatch(/hint: name them: --only NAME,NAME/);
    const nf = await coffer(['run', '--workspace', 'ws-nowhere', '--', 'true'], env);
    expect(nf.code).toBe(5);
    expect(nf.stderr).toMatch(/^error: no workspace ws-nowhere \(request id [0-9a-f-]{36}\)\n/);
  });

  it('a value on the command line: exit 2, refused before anything is sent', async () => {
    for (const args of [
      ['secrets', 'create', 'ARGV_A', '--scope', 'team:t', 'argv-value-1'],
      ['secrets', 'create', 'ARGV_A', '--scope', 'team:t', '--value', 'argv-value-1'],
      ['secrets', 'create', 'ARGV_A', '--scope', 'team:t', '--value=argv-value-1'],
      ['secrets', 'update', 'ARGV_A', '--scope', 'team:t', 'argv-value-1'],
      ['overrides', 'set', 'OPENAI_API_KEY', '--workspace', 'ws-e', 'argv-value-1'],
      // The value where the key goes: the advice must not quote it back.
      ['overrides', 'set', 'argv-value-1', 'OPENAI_API_KEY', '--workspace', 'ws-e'],
      ['secrets', 'create', 'ARGV_A', '--scope', 'argv-value-1', 'more'],
      ['login', 'argv-value-1'],
      ['login', '--api-key', 'argv-value-1'],
    ]) {
      const r = await coffer(args, env);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(
        /^error: refused: (secret values|API keys) are never read from the command line/,
      );
      expect(r.stderr, args.join(' ')).not.toContain('argv-value-1');
    }
    expect(
      JSON.parse((await coffer(['secrets', 'list', '--scope', 'team:t', '--json'], env)).stdout),
    ).toEqual([]);
  });

  it('input that is not UTF-8 text (binary) is refused with exit 2, not stored with its bytes replaced', async () => {
    const bytes = Buffer.from([0x62, 0x69, 0x6e, 0xff, 0xfe, 0x00, 0x80, 0x0a]);
    const file = join(h.dir, 'binary.bin');
    writeFileSync(file, bytes);
    const envFile = join(h.dir, 'binary.env');
    writeFileSync(envFile, Buffer.concat([Buffer.from('BIN_C=ab'), bytes]));
    const piped = start(['secrets', 'create', 'BIN_A', '--scope', 'team:t', '--stdin'], env, 'keep-open');
    piped.stdin?.end(bytes);
    for (const r of [
      await collect(piped),
      await coffer(['secrets', 'create', 'BIN_B', '--scope', 'team:t', '--from-file', file], env),
      await coffer(['import', envFile, '--scope', 'team:t'], env),
    ]) {
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/^error: .*is not UTF-8 text/);
    }
    expect(
      JSON.parse((await coffer(['secrets', 'list', '--scope', 'team:t', '--json'], env)).stdout),
    ).toEqual([]);
  });

  it('a value typed where no operand or flag goes: the usage error does not repeat it', async () => {
    for (const args of [
      ['secrets-manager', 'set', '--backend', 'VAULT', 's.hvs-typed-leak-1'],
      ['keys', 'create', '--name', 'k', '--role', 'runtime', '--scope', 'workspace:ws-e', 'typed-leak-2'],
      ['secrets', 'create', 'TYPO', '--scope', 'team:t', '--valeu=typed-leak-3'],
      ['secrets', 'list', 'typed-leak-4', '--json'],
      ['secrets', 'create', 'TYPO', '--scope', 'team:t', '--json', '--valeu=typed-leak-5'],
    ]) {
      const r = await coffer(args, env);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/too many arguments|unknown option '--valeu=/);
      expect(r.stderr, args.join(' ')).not.toMatch(/typed-leak/);
    }
  });

  it('endless input (`yes | coffer ... --stdin`) is refused once it passes the largest value: exit 2, nothing sent', async () => {
    for (const args of [
      ['secrets', 'create', 'ENDLESS', '--scope', 'team:t', '--stdin'],
      ['secrets', 'create', 'ENDLESS', '--scope', 'team:t', '--from-file', '-'],
      ['secrets-manager', 'set', '--stdin'],
      ['import', '-', '--scope', 'team:t'],
    ]) {
      const child = start(args, env, 'keep-open');
      const done = collect(child);
      let exited = false;
      void done.then(() => {
        exited = true;
      });
      child.stdin?.on('error', () => {}); // EPIPE once coffer stops reading
      const chunk = Buffer.alloc(1 << 20, 'y');
      let written = 0;
      // 80 MiB at most, then stdin is closed: a coffer that read it all sends it (413) instead.
      while (!exited && written < 80 << 20) {
        written += chunk.length;
        if (!child.stdin?.write(chunk))
          await Promise.race([new Promise((r) => child.stdin?.once('drain', r)), done]);
      }
      child.stdin?.end();
      const r = await done;
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/^error: .* is larger than .*; nothing was sent/);
      expect(written, args.join(' ')).toBeLessThan(80 << 20);
    }
    expect(
      JSON.parse((await coffer(['secrets', 'list', '--scope', 'team:t', '--json'], env)).stdout),
    ).toEqual([]);
  });

  it('no value and no terminal: exit 2 with the ways to give one', async () => {
    const r = await coffer(['secrets', 'create', 'NOVAL', '--scope', 'team:t'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no value given for value of NOVAL\nhint: pass --stdin/);
  });
});
