// Starting Prism (mock or proxy) on the real spec, on a free loopback port, with `--errors` so that any
// request or response that breaks the spec fails the call.
import { type ChildProcess, spawn } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort } from '@coffer/server/launch';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Polls `url` until it answers anything (even 401/404), or the child exits, or 60 s pass. */
async function waitUntilUp(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode}:\n${log()}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`${url} did not answer within 60 s:\n${log()}`);
}

export interface Running {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/** Spawns `node <args>` with this Node (the repo's Node 24) and collects its output. */
function spawnNode(args: string[]): { child: ChildProcess; output(): string } {
  let output = '';
  const child = spawn(process.execPath, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  child.stdout?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  return { child, output: () => output };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

/** `prism mock` (no upstream) or `prism proxy` in front of `upstream`, both with `--errors`. */
export async function startPrism(upstream?: string): Promise<Running> {
  const port = await freePort();
  const prism = realpathSync(`${root}node_modules/.bin/prism`);
  const mode = upstream
    ? ['proxy', '--errors', 'openapi/coffer.yaml', upstream]
    : ['mock', '--errors', 'openapi/coffer.yaml'];
  const { child, output } = spawnNode([prism, ...mode, '-h', '127.0.0.1', '-p', String(port)]);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilUp(`${url}/v1/healthz`, child, output);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  return { url, output, stop: () => stopChild(child) };
}
