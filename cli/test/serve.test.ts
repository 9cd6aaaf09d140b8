// `coffer serve` is the reference server with its own flags: it serves, and stops cleanly on SIGTERM.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@coffer/server/launch';
import { describe, expect, it } from 'vitest';
import { coffer, collect, home, start, waitFor } from './support.ts';

describe('coffer serve', () => {
  it('serves on --port with --data-dir, answers the CLI, and exits 0 on SIGTERM', async () => {
    const h = home();
    const data = mkdtempSync(join(tmpdir(), 'coffer-serve-cli-'));
    const port = await freePort();
    const key = 'cof_test_serve_0123456789abcdef0123';
    const server = start(['serve', '--port', String(port), '--data-dir', data], {
      ...h.env,
      COFFER_BOOTSTRAP_API_KEY: key,
    });
    const done = collect(server);
    let out = '';
    server.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
    });
    try {
      await waitFor(
        () => out,
        (s) => s.includes('listening on'),
        20_000,
      );
      expect(out).toContain(`coffer serve: listening on http://127.0.0.1:${port} (sqlite store)`);
      const r = await coffer(['secrets', 'list', '--json'], {
        ...h.env,
        COFFER_BASE_URL: `http://127.0.0.1:${port}`,
        COFFER_API_KEY: key,
      });
      expect(r.code, r.stderr).toBe(0);
    } finally {
      server.kill('SIGTERM');
    }
    expect((await done).code).toBe(0);
    rmSync(data, { recursive: true, force: true });
    h.remove();
  });

  it("keeps the server's usage errors (exit 2) and help", async () => {
    const h = home();
    const bad = await coffer(['serve', '--frobnicate'], h.env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/usage: coffer serve/);
    const help = await coffer(['serve', '-h'], h.env);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--database-url/);
    h.remove();
  });
});
