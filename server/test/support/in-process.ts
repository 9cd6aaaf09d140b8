/**
 * `coffer serve` in this process (serve.ts), on SQLite in a temp data dir: the store and every log line are
 * at hand, for tests that need to reach inside (fill the disk, read raw rows) or read the log.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Running, serve, serveOptions } from '../../src/serve.ts';
import { TEST_SECRET } from './stores.ts';

export interface InProcessServer {
  url: string;
  key: string;
  running: Running;
  dataDir: string;
  /** Parsed JSON log lines so far. */
  logs(): Array<Record<string, unknown>>;
  /** The raw log text so far. */
  logText(): string;
  stop(): Promise<void>;
}

export async function startInProcess(
  env: Record<string, string> = {},
  flags: Parameters<typeof serveOptions>[0] = {},
  keep?: { dataDir: string },
): Promise<InProcessServer> {
  const dataDir = keep?.dataDir ?? mkdtempSync(join(tmpdir(), 'coffer-inproc-'));
  const key = env.COFFER_BOOTSTRAP_API_KEY ?? 'cof_test_in_process_owner_key_0123456789';
  const fullEnv: NodeJS.ProcessEnv = {
    COFFER_ENCRYPTION_SECRET: TEST_SECRET,
    COFFER_BOOTSTRAP_API_KEY: key,
    COFFER_ORGANIZATION_ID: 'acme',
    ...env,
  };
  let text = '';
  const log = {
    log(level: string, msg: string, fields?: Record<string, unknown>) {
      text += `${JSON.stringify({ level, msg, ...fields })}\n`;
    },
  };
  const opts = serveOptions({ port: '0', 'data-dir': dataDir, ...flags }, fullEnv);
  const running = await serve(opts, fullEnv, log);
  return {
    url: running.url,
    key,
    running,
    dataDir,
    logs: () =>
      text
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
    logText: () => text,
    async stop() {
      await running.stop();
      if (!keep) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
