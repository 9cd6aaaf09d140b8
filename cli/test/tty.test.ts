// On a terminal (a pseudo-terminal from util-linux `script`): the hidden prompt echoes nothing, colour is on
// unless NO_COLOR; off a terminal there is no colour at all.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { skipUnlessAvailable } from '../../scripts/lib/ci.ts';
import { COFFER_BIN, coffer, withSession } from './support.ts';

const skip = skipUnlessAvailable(
  'the terminal tests',
  spawnSync('sh', ['-c', 'command -v script']).status === 0 ? [] : ['util-linux `script`'],
);

let env: NodeJS.ProcessEnv;
withSession(
  (s) => {
    ({ env } = s);
  },
  { TERM: 'xterm' },
  { teams: ['tty', 'plain'], workspaces: { 'ws-tty': 'tty' } },
);

const ESC = '\u001b[';

/** The exit code of the last `onTerminal` (script -e passes coffer's on). */
let lastExit: number | null = null;

/** Runs `coffer args` on a pseudo-terminal; `typed` is sent once the prompt shows. */
function onTerminal(args: string[], e: NodeJS.ProcessEnv, typed?: string, when = ': '): Promise<string> {
  const line = [COFFER_BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const child = spawn('script', ['-qfec', line, '/dev/null'], { env: e, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  // `when` empty: typed after a second, whatever was printed (for input read without a prompt).
  if (typed !== undefined && when === '')
    setTimeout(() => {
      child.stdin.write(typed as string);
      typed = undefined;
    }, 1000);
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString();
    if (typed !== undefined && when !== '' && out.includes(when)) {
      child.stdin.write(typed);
      typed = undefined;
    }
  });
  return new Promise((resolve) =>
    child.on('close', (code) => {
      lastExit = code;
      resolve(out);
    }),
  );
}

describe.skipIf(skip)('on a terminal', () => {
  it('the hidden prompt reads the value without echoing it', async () => {
    const out = await onTerminal(
      ['secrets', 'create', 'PROMPTED', '--scope', 'team:tty'],
      env,
      'typed-secret-5e1\r',
    );
    expect(out).toContain('value of PROMPTED: ');
    expect(out).toMatch(/created PROMPTED in team:tty/);
    expect(out).not.toContain('typed-secret-5e1');
    const r = await coffer(['resolve', '--workspace', 'ws-tty', 'PROMPTED', '--reveal'], env);
    expect(r.stdout).toBe("PROMPTED='typed-secret-5e1'\n");
  });

  it('--stdin on a terminal reads a hidden line too: what is typed is not echoed', async () => {
    const out = await onTerminal(
      ['secrets', 'create', 'STDIN_TTY', '--scope', 'team:tty', '--stdin'],
      env,
      'typed-on-tty-7c3\r\u0004',
      '',
    );
    expect(out).toMatch(/created STDIN_TTY in team:tty/);
    expect(out).not.toContain('typed-on-tty-7c3');
    const r = await coffer(['resolve', '--workspace', 'ws-tty', 'STDIN_TTY', '--reveal', '--json'], env);
    expect(JSON.parse(r.stdout).items[0].value).toBe('typed-on-tty-7c3');
  });

  it('Backspace at the hidden prompt removes a whole character, one outside the BMP included', async () => {
    const out = await onTerminal(
      ['secrets', 'create', 'PROMPTED_BS', '--scope', 'team:tty'],
      env,
      'ab\u{1F511}\u007fc\r',
    );
    expect(out).toMatch(/created PROMPTED_BS in team:tty/);
    const r = await coffer(['resolve', '--workspace', 'ws-tty', 'PROMPTED_BS', '--reveal', '--json'], env);
    expect(JSON.parse(r.stdout).items[0].value).toBe('abc');
  });

  it('Ctrl-C at the hidden prompt: exit 130 (documented), nothing created', async () => {
    const out = await onTerminal(
      ['secrets', 'create', 'PROMPT_ABORTED', '--scope', 'team:tty'],
      env,
      'half\u0003',
    );
    expect(lastExit).toBe(130);
    expect(out).toMatch(/aborted at the prompt: nothing was sent/);
    const r = await coffer(['secrets', 'list', '--scope', 'team:tty', '--json'], env);
    expect(JSON.parse(r.stdout).map((s: { name: string }) => s.name)).not.toContain('PROMPT_ABORTED');
  });

  it('coffer run: Ctrl-C reaches the command once (from the terminal, not again from coffer)', async () => {
    await coffer(['secrets', 'create', 'CTRL_C', '--scope', 'team:tty', '--stdin'], env, 'v');
    const out = await onTerminal(
      [
        'run',
        '--workspace',
        'ws-tty',
        '--only',
        'CTRL_C',
        '--',
        process.execPath,
        join(import.meta.dirname, 'fixtures', 'count-sigint.mjs'),
      ],
      env,
      '\u0003',
      'ready',
    );
    expect(out).toContain('SIGINT x1');
  });

  it('colours its output, unless NO_COLOR or --no-color', async () => {
    expect(await onTerminal(['secrets', 'list', '--scope', 'team:tty'], env)).toContain(ESC);
    expect(
      await onTerminal(['secrets', 'list', '--scope', 'team:tty'], { ...env, NO_COLOR: '1' }),
    ).not.toContain(ESC);
    expect(await onTerminal(['--no-color', 'secrets', 'list', '--scope', 'team:tty'], env)).not.toContain(
      ESC,
    );
  });
});

describe('off a terminal', () => {
  it('prints no colour, in tables, notes and errors', async () => {
    await coffer(['secrets', 'create', 'PLAIN', '--scope', 'team:plain', '--stdin'], env, 'v');
    const t = await coffer(['secrets', 'list', '--scope', 'team:plain'], env);
    expect(t.stdout).toMatch(/^NAME/);
    const e = await coffer(['secrets', 'get', 'NOPE', '--scope', 'team:plain'], env);
    const d = await coffer(['secrets', 'delete', 'PLAIN', '--scope', 'team:plain'], env);
    for (const r of [t, e, d]) expect(r.stdout + r.stderr).not.toContain(ESC);
    expect(d.stderr).toMatch(/^✓ deleted/);
  });
});
