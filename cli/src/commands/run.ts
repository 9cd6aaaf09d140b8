// coffer run --workspace W [--only A,B] -- cmd args...
// Resolves, then runs the command with the values added to its environment (they win over variables of the
// same name). coffer prints none of them, passes signals on, and exits with the command's code; a command
// killed by a signal makes coffer die of the same signal, as a shell would see it.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { CliError, EXIT, usage } from '../exit.ts';
import type { Ctx } from '../program.ts';
import { checkId, parseNames } from '../scope.ts';
import { chainNames, resolveAll, warnDeprecatedTeam } from './chain.ts';
import { api, str } from './common.ts';

// SIGUSR1 is Node's (it starts the inspector); SIGWINCH reaches a child on the same terminal by itself.
const FORWARDED: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGUSR2'];
/** Signals whose default action ends a Node process cleanly: the ones coffer re-raises on itself. */
const RERAISE = new Set<string>(['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGKILL', 'SIGUSR2', 'SIGPIPE', 'SIGALRM']);

export async function run(ctx: Ctx, args: string[], opts: Record<string, unknown>): Promise<number> {
  const ws = checkId(str(opts.workspace) ?? '', '--workspace');
  warnDeprecatedTeam(opts, ws);
  const only = parseNames(str(opts.only));
  const [command, ...rest] = args;
  if (!command) throw usage('no command to run', 'coffer run --workspace W -- cmd args...');

  const coffer = await api(ctx);
  const names = only ?? (await chainNames(coffer, ws));
  const env: NodeJS.ProcessEnv = { ...process.env };
  // coffer's own credential is not one of the workspace's secrets: the command gets it only from the chain.
  delete env.COFFER_API_KEY;
  if (names.length > 0) {
    const { items, missing } = await resolveAll(coffer, ws, names);
    if (only && missing.length > 0) {
      throw new CliError(
        EXIT.negative,
        `not resolved in workspace ${ws}: ${missing.join(', ')}; the command was not run`,
        {
          hint: 'create them, or leave them out of --only',
          kind: 'missing',
        },
      );
    }
    // An environment variable is a C string: a NUL byte cannot be passed (and Node's refusal would quote it).
    const withNul = items.filter((r) => r.value.reveal().includes('\0')).map((r) => r.name);
    if (withNul.length > 0) {
      throw usage(
        `the value of ${withNul.join(', ')} holds a NUL byte, which an environment variable cannot hold; the command was not run`,
        'leave it out with --only, or read it with `coffer export --format json`',
      );
    }
    for (const r of items) env[r.name] = r.value.reveal();
  }
  await coffer.close();
  return exec(command, rest, env);
}

function exec(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(command, args, { env, stdio: 'inherit' });
    } catch (err) {
      // A synchronous refusal (an argument Node cannot pass): its message may quote the environment.
      reject(
        new CliError(
          EXIT.cannotExecute,
          `cannot run ${command}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`,
          {
            kind: 'exec',
          },
        ),
      );
      return;
    }
    const handlers = new Map<NodeJS.Signals, () => void>();
    // Ctrl-C and Ctrl-\ on a terminal reach the whole foreground process group, the command included:
    // passing them on too would deliver them twice. coffer then only waits for the command to exit.
    const fromTerminal = new Set<string>(process.stdin.isTTY ? ['SIGINT', 'SIGQUIT'] : []);
    for (const sig of FORWARDED) {
      const h = () => {
        if (fromTerminal.has(sig)) return;
        if (child.exitCode === null && child.signalCode === null) child.kill(sig);
      };
      handlers.set(sig, h);
      process.on(sig, h);
    }
    const cleanup = () => {
      for (const [sig, h] of handlers) process.off(sig, h);
    };
    child.once('error', (err: NodeJS.ErrnoException) => {
      cleanup();
      if (err.code === 'ENOENT') {
        reject(new CliError(EXIT.commandNotFound, `command not found: ${command}`, { kind: 'exec' }));
      } else if (err.code === 'EACCES') {
        reject(
          new CliError(EXIT.cannotExecute, `cannot execute ${command}: permission denied`, { kind: 'exec' }),
        );
      } else
        reject(
          new CliError(EXIT.cannotExecute, `cannot run ${command}: ${err.code ?? err.message}`, {
            kind: 'exec',
          }),
        );
    });
    child.once('exit', (code, signal) => {
      cleanup();
      if (signal) {
        // Die of the same signal so that the caller sees what the command saw; 128+n if that does not kill us.
        const n = constants.signals[signal] ?? 0;
        process.exitCode = 128 + n;
        if (RERAISE.has(signal)) process.kill(process.pid, signal);
        resolve(128 + n);
        return;
      }
      resolve(code ?? EXIT.failure);
    });
  });
}
