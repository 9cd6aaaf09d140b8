/** Start-up and shutdown of `coffer serve`: bootstrap key, settings errors, graceful drain on SIGTERM. */

import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, freePort, runToExit, startServer } from '../support/server.ts';
import { TEST_SECRET } from '../support/stores.ts';
import { createScopes } from '../support/tenancy.ts';

describe('bootstrap owner key', () => {
  it('is minted and printed once on first start, never again; a later env key is ignored', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'coffer-boot-'));
    try {
      const first = await startServer({ dataDir, env: { COFFER_BOOTSTRAP_API_KEY: undefined } });
      const m = /Bootstrap owner API key[^\n]*\n\n {2}(cof_[0-9a-f]{8}_[A-Za-z0-9_-]{43})\n/.exec(
        first.output(),
      );
      expect(m, first.output()).not.toBeNull();
      const token = m?.[1] as string;
      const me = await call(first.url, 'GET', '/v1/api-keys', { key: token });
      expect(me.status).toBe(200);
      expect(me.json.items[0]).toMatchObject({
        name: 'bootstrap-owner',
        role: 'owner',
        prefix: token.slice(0, 12),
      });
      expect(first.output().split(token).length - 1).toBe(1);
      expect((await first.stop()).code).toBe(0);

      const envKey = 'cof_test_this-one-is-long-enough-0123456789';
      const second = await startServer({ dataDir, env: { COFFER_BOOTSTRAP_API_KEY: envKey } });
      expect(second.output()).not.toContain('Bootstrap owner API key');
      expect(second.output()).toContain('COFFER_BOOTSTRAP_API_KEY ignored');
      expect((await call(second.url, 'GET', '/v1/secrets', { key: envKey })).status).toBe(401);
      expect((await call(second.url, 'GET', '/v1/secrets', { key: token })).status).toBe(200);
      await second.stop();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('takes COFFER_BOOTSTRAP_API_KEY on an empty store without printing it, and binds loopback', async () => {
    const srv = await startServer();
    try {
      expect(srv.output()).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+ \(sqlite store\)/);
      expect(srv.output()).not.toContain(srv.key);
      expect((await call(srv.url, 'GET', '/v1/secrets', { key: srv.key })).status).toBe(200);
    } finally {
      await srv.cleanup();
    }
  });
});

describe('start-up errors', () => {
  it('refuses a short bootstrap key, a bad port, a wrong encryption secret, with a clear message', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'coffer-bad-'));
    try {
      const port = String(await freePort());
      const base = { COFFER_ENCRYPTION_SECRET: TEST_SECRET };
      const short = await runToExit(['serve', '--port', port, '--data-dir', dataDir], {
        ...base,
        COFFER_BOOTSTRAP_API_KEY: 'short',
      });
      expect(short.code).toBe(1);
      expect(short.out).toContain('COFFER_BOOTSTRAP_API_KEY must be at least');
      const badPort = await runToExit(['serve', '--port', 'eighty', '--data-dir', dataDir], base);
      expect(badPort.code).toBe(1);
      expect(badPort.out).toContain('--port must be');
      const unknownFlag = await runToExit(['serve', '--colour', 'red'], base);
      expect(unknownFlag.code).toBe(2);
      const srv = await startServer({ dataDir });
      await srv.stop();
      const wrong = await runToExit(['serve', '--port', port, '--data-dir', dataDir], {
        COFFER_ENCRYPTION_SECRET: 'another-secret-that-is-long-enough-0123456789',
      });
      expect(wrong.code).toBe(1);
      expect(wrong.out).toContain('the encryption secret does not match');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('graceful shutdown', () => {
  it('on SIGTERM stops accepting, finishes the request in flight, closes the store, exits 0', async () => {
    const srv = await startServer();
    await createScopes(srv.url, srv.key, { workspaces: ['w'] });
    try {
      const body = JSON.stringify({ name: 'IN_FLIGHT', scope: { type: 'workspace', id: 'w' }, value: 'v' });
      const half = Math.floor(body.length / 2);
      const sock = connect(srv.port, '127.0.0.1');
      let response = '';
      sock.on('data', (d) => {
        response += d.toString();
      });
      const closed = new Promise<void>((r) => sock.on('close', () => r()));
      await new Promise<void>((r) => sock.once('connect', () => r()));
      sock.write(
        `POST /v1/secrets HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${srv.key}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, half)}`,
      );
      await new Promise((r) => setTimeout(r, 200));
      srv.child.kill('SIGTERM');
      // The listener closes at once: a new connection is refused while the old request is still open.
      await expect
        .poll(async () =>
          fetch(`${srv.url}/v1/healthz`).then(
            () => 'served',
            () => 'refused',
          ),
        )
        .toBe('refused');
      sock.write(body.slice(half));
      await closed;
      expect(response).toMatch(/^HTTP\/1\.1 201 Created/);
      expect(response.toLowerCase()).toContain('connection: close');
      const exit = await srv.exited;
      expect(exit.code).toBe(0);
      expect(srv.output()).toContain('"msg":"stopped"');
      // The store was closed: the WAL was folded into the database file.
      const wal = join(srv.dataDir, 'coffer.db-wal');
      expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);

      const again = await startServer({ dataDir: srv.dataDir });
      const list = await call(again.url, 'GET', '/v1/secrets?namePrefix=IN_FLIGHT', { key: srv.key });
      expect(list.json.items).toHaveLength(1);
      await again.stop();
    } finally {
      await srv.cleanup();
    }
  });
});
