// The completion scripts, run in the real shells: bash's `complete -F` function and zsh's completion
// function, each asked for what follows a partial command line.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipUnlessAvailable } from '../../scripts/lib/ci.ts';
import { coffer, type Home, home, waitFor } from './support.ts';

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

let h: Home;
let bashScript: string;
let zshScript: string;
beforeAll(async () => {
  h = home();
  const b = await coffer(['completion', 'bash'], h.env);
  const z = await coffer(['completion', 'zsh'], h.env);
  expect(b.code).toBe(0);
  expect(z.code).toBe(0);
  bashScript = join(h.dir, 'coffer.bash');
  zshScript = join(h.dir, '_coffer');
  writeFileSync(bashScript, b.stdout);
  writeFileSync(zshScript, z.stdout);
});
afterAll(() => h?.remove());

function bashComplete(line: string): string[] {
  const words = line.split(' ');
  const script = `source ${bashScript}
COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}
_coffer; printf '%s\\n' "\${COMPREPLY[@]}"`;
  return execFileSync('bash', ['-c', script]).toString().split('\n').filter(Boolean);
}

describe('bash completion', () => {
  it('completes commands, subcommands, flags and flag values', () => {
    expect(bashComplete('coffer se')).toEqual(['serve', 'secrets', 'secrets-manager']);
    expect(bashComplete('coffer secrets ')).toEqual([
      'list',
      'get',
      'create',
      'update',
      'delete',
      '--help',
      '-h',
      '--profile',
      '--no-color',
    ]);
    expect(bashComplete('coffer secrets create X --s')).toEqual(
      expect.arrayContaining(['--scope', '--stdin']),
    );
    expect(bashComplete('coffer secrets create X --s')).not.toContain('--value');
    expect(bashComplete('coffer export --format ')).toEqual(['dotenv', 'json']);
    expect(bashComplete('coffer keys create --role ')).toEqual(['owner', 'admin', 'member', 'runtime']);
    expect(bashComplete('coffer --profile p audit ')).toEqual(expect.arrayContaining(['reads', 'events']));
    expect(bashComplete('coffer run --workspace w -- sec')).toEqual([]);
  });
});

const zshMissing = skipUnlessAvailable(
  'the zsh completion tests',
  has('zsh') ? [] : ['zsh (scripts/setup.d/55-zsh.sh)'],
);

function zshComplete(line: string): string[] {
  const words = line.split(' ');
  // _describe is the completion system's; a stand-in prints the candidates it would offer.
  const script = `_describe() { local arr=\${@[-1]}; print -rl -- \${(P)arr} }
_files() { print -r -- '<files>' }
compdef() { }
source ${zshScript}
words=(${words.map((w) => `'${w}'`).join(' ')}); CURRENT=${words.length}
_coffer`;
  return execFileSync('zsh', ['-f', '-c', script])
    .toString()
    .split('\n')
    .filter(Boolean)
    .map((l) => l.replace(/(?<!\\):.*$/, '').replaceAll('\\:', ':'));
}

describe.skipIf(zshMissing)('zsh completion', () => {
  it('is valid zsh', () => {
    expect(spawnSync('zsh', ['-n', zshScript]).status).toBe(0);
  });
  it('completes commands, subcommands, flags and flag values', () => {
    expect(zshComplete('coffer sec')).toEqual(
      expect.arrayContaining(['secrets', 'secrets-manager', 'serve']),
    );
    expect(zshComplete('coffer secrets ')).toEqual(['list', 'get', 'create', 'update', 'delete']);
    expect(zshComplete('coffer overrides set K --')).toEqual(
      expect.arrayContaining(['--workspace', '--stdin', '--create-only', '--json']),
    );
    expect(zshComplete('coffer import f --on-conflict ')).toEqual(['fail', 'skip', 'update']);
    expect(zshComplete('coffer run --workspace w -- ')).toEqual(['<files>']);
  });
});

const scriptMissing =
  !zshMissing &&
  skipUnlessAvailable('the interactive zsh completion test', has('script') ? [] : ['util-linux `script`']);
describe.skipIf(zshMissing || scriptMissing)('zsh completion in an interactive zsh', () => {
  it('completes through compinit on a terminal: unique matches inline, lists with descriptions', async () => {
    const z = spawn('script', ['-qfec', 'zsh -f -i', '/dev/null'], {
      env: { PATH: process.env.PATH, HOME: h.dir, TERM: 'dumb' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    z.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    const closed = new Promise((r) => z.on('close', r));
    const seen = (re: RegExp) =>
      waitFor(
        () => out,
        (s) => re.test(s),
        20_000,
      );
    try {
      z.stdin.write(`autoload -U compinit; compinit -u; source ${zshScript}; print READY\n`);
      await seen(/(^|\n)READY\r?\n/);
      z.stdin.write('coffer secrets-m\t');
      await seen(/coffer secrets-manager /);
      z.stdin.write('\t');
      await seen(/check\s+-- test the connection to the backend/);
      expect(out).toMatch(/get\s+-- the configuration and the backend in effect/);
      // Ctrl-C, then wait for the fresh prompt (zsh turns bracketed paste on at each one) before typing on.
      const prompts = () => (out.match(/\?2004h/g) ?? []).length;
      const before = prompts();
      z.stdin.write('\u0003');
      await waitFor(
        () => out,
        () => prompts() > before,
        20_000,
      );
      z.stdin.write('coffer keys create --role \t');
      await seen(/admin\s+member\s+owner\s+runtime/);
    } finally {
      z.stdin.write('\u0003exit\n');
      z.stdin.end();
      await closed;
    }
  });
});
