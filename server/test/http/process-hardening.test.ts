/**
 * Hardening that lives at the process level (issue 9): start-up refusal of a lost or damaged store, memory
 * under a flood of unauthenticated uploads, and TLS with a real TLS client.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, fetch as undiciFetch } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { call, freePort, runToExit, spawnCli, startServer } from '../support/server.ts';
import { TEST_SECRET } from '../support/stores.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'coffer-proc-'));
  dirs.push(d);
  return d;
}

/** Runs `coffer serve` to its exit (it is expected to refuse to start); answers its code and output. */
function serveUntilExit(dataDir: string, extraArgs: string[] = [], env: Record<string, string> = {}) {
  return runToExit(['serve', '--port', '0', '--data-dir', dataDir, ...extraArgs], {
    COFFER_BOOTSTRAP_API_KEY: 'cof_test_process_hardening_key_0123',
    ...env,
  });
}

/** A data directory with a real store in it (secret generated into the directory), the server stopped. */
async function usedDataDir(): Promise<string> {
  const dataDir = tempDir();
  const srv = await startServer({ dataDir, env: { COFFER_ENCRYPTION_SECRET: undefined } });
  const r = await call(srv.url, 'POST', '/v1/secrets', {
    key: srv.key,
    body: { name: 'KEEP_ME', scope: { type: 'organization', id: 'acme' }, value: 'v' },
  });
  expect(r.status).toBe(201);
  await srv.stop();
  return dataDir;
}

describe('a lost or damaged store does not start as an empty one (item 6)', () => {
  it('refuses a zero-length coffer.db beside encryption.secret, and says how to start anew', async () => {
    const dataDir = await usedDataDir();
    writeFileSync(join(dataDir, 'coffer.db'), '');
    rmSync(join(dataDir, 'coffer.db-wal'), { force: true });
    const r = await serveUntilExit(dataDir);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/coffer\.db is empty \(0 bytes\)/);
    expect(r.out).toMatch(/--init-store/);
    expect(statSync(join(dataDir, 'coffer.db')).size).toBe(0);
  });

  it('refuses a missing coffer.db in a directory that was used before', async () => {
    const dataDir = await usedDataDir();
    rmSync(join(dataDir, 'coffer.db'));
    const r = await serveUntilExit(dataDir);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/coffer\.db is missing from a data directory that was used before/);
  });

  it('refuses random bytes over pages with what the integrity check found', async () => {
    const dataDir = await usedDataDir();
    const path = join(dataDir, 'coffer.db');
    const size = statSync(path).size;
    const fd = openSync(path, 'r+');
    const junk = Buffer.alloc(4096 * 3);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + 13) & 0xff;
    writeSync(fd, junk, 0, junk.length, Math.min(4096 * 2, size - junk.length));
    const r = await serveUntilExit(dataDir);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/(integrity check|cannot be opened as a SQLite database)/);
    expect(r.out).not.toMatch(/start failed \(Error\)/);
  });

  it('names a zeroed header in words, not "start failed (Error)"', async () => {
    const dataDir = await usedDataDir();
    const fd = openSync(join(dataDir, 'coffer.db'), 'r+');
    writeSync(fd, Buffer.alloc(100), 0, 100, 0);
    const r = await serveUntilExit(dataDir);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/cannot be opened as a SQLite database \(.+\)/);
  });

  it('--init-store starts a new store where asked to', async () => {
    const dataDir = await usedDataDir();
    rmSync(join(dataDir, 'coffer.db'));
    const srv = await startServer({
      dataDir,
      env: { COFFER_ENCRYPTION_SECRET: undefined, COFFER_INIT_STORE: '1' },
    });
    try {
      const list = await call(srv.url, 'GET', '/v1/secrets', { key: srv.key });
      expect(list.json.items).toEqual([]);
    } finally {
      await srv.stop();
    }
  });
});

function rssKiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(m?.[1] ?? 0);
}

describe('unauthenticated uploads cost the server nothing (item 5)', () => {
  it('200 connections each sending 1 MiB without a key do not grow its memory', async () => {
    const srv = await startServer();
    try {
      const pid = srv.child.pid as number;
      // Warm up, then measure.
      for (let i = 0; i < 20; i++) await call(srv.url, 'GET', '/v1/secrets', { key: srv.key });
      const before = rssKiB(pid);
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      await Promise.all(
        Array.from(
          { length: 200 },
          () =>
            new Promise<void>((resolve) => {
              const s = connect(srv.port, '127.0.0.1', () => {
                s.write(
                  'POST /v1/secrets HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\n' +
                    `content-length: ${16 * chunk.length}\r\n\r\n`,
                );
                for (let i = 0; i < 16; i++) s.write(chunk);
              });
              s.on('data', () => {});
              s.on('error', () => resolve());
              s.on('close', () => resolve());
              setTimeout(() => {
                s.destroy();
                resolve();
              }, 10_000).unref();
            }),
        ),
      );
      const grown = rssKiB(pid) - before;
      // Before the fix every body was buffered before authentication: ~190 MiB for the same flood.
      expect(grown).toBeLessThan(64 * 1024);
      expect((await call(srv.url, 'GET', '/v1/healthz')).status).toBe(200);
    } finally {
      await srv.cleanup();
    }
  });
});

describe('connections are capped (item 5)', () => {
  it('closes connections past COFFER_MAX_CONNECTIONS and keeps serving the ones it has', async () => {
    const srv = await startServer({ env: { COFFER_MAX_CONNECTIONS: '5' } });
    try {
      const open = (): Promise<{ closed: Promise<boolean>; socket: ReturnType<typeof connect> }> =>
        new Promise((resolve) => {
          const socket = connect(srv.port, '127.0.0.1', () => {
            const closed = new Promise<boolean>((done) => {
              socket.once('close', () => done(true));
              setTimeout(() => done(false), 1_000).unref();
            });
            resolve({ closed, socket });
          });
          socket.on('error', () => {});
        });
      const sockets = [];
      for (let i = 0; i < 8; i++) sockets.push(await open());
      const closed = await Promise.all(sockets.map((s) => s.closed));
      expect(closed.filter(Boolean).length).toBeGreaterThanOrEqual(3);
      expect(closed.slice(0, 5)).toEqual([false, false, false, false, false]);
      for (const s of sockets) s.socket.destroy();
      await new Promise((r) => setTimeout(r, 100));
      expect((await call(srv.url, 'GET', '/v1/healthz')).status).toBe(200);
    } finally {
      await srv.cleanup();
    }
  });
});

function selfSigned(dir: string, name: string): { cert: string; key: string } {
  const cert = join(dir, `${name}.crt`);
  const key = join(dir, `${name}.key`);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '2',
      '-subj',
      `/CN=${name}`,
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  return { cert, key };
}

describe('TLS (item 15)', () => {
  it('serves HTTPS to a client that trusts the certificate, and reloads it on SIGHUP', async () => {
    const dir = tempDir();
    const first = selfSigned(dir, 'coffer-one');
    const second = selfSigned(dir, 'coffer-two');
    const live = { cert: join(dir, 'live.crt'), key: join(dir, 'live.key') };
    writeFileSync(live.cert, readFileSync(first.cert));
    writeFileSync(live.key, readFileSync(first.key));
    const port = await freePort();
    const dataDir = tempDir();
    const server = spawnCli(
      [
        'serve',
        '--port',
        String(port),
        '--data-dir',
        dataDir,
        '--tls-cert',
        live.cert,
        '--tls-key',
        live.key,
      ],
      {
        COFFER_ENCRYPTION_SECRET: TEST_SECRET,
        COFFER_BOOTSTRAP_API_KEY: 'cof_test_tls_owner_key_0123456789',
      },
    );
    const child = server.child;
    try {
      for (let i = 0; i < 300 && !server.output().includes('listening on'); i++)
        await new Promise((r) => setTimeout(r, 50));
      expect(server.output()).toContain(`listening on https://127.0.0.1:${port}`);
      const url = `https://127.0.0.1:${port}/v1/healthz`;
      const trusting = (ca: string) => new Agent({ connect: { ca: readFileSync(ca) } });
      const ok = await undiciFetch(url, { dispatcher: trusting(first.cert) });
      expect(ok.status).toBe(200);
      // A client without the certificate refuses the connection; plain HTTP gets no answer.
      await expect(undiciFetch(url)).rejects.toThrow();
      await expect(undiciFetch(`http://127.0.0.1:${port}/v1/healthz`)).rejects.toThrow();
      // Rotate the files, SIGHUP: new connections get the new certificate.
      writeFileSync(live.cert, readFileSync(second.cert));
      writeFileSync(live.key, readFileSync(second.key));
      child.kill('SIGHUP');
      for (let i = 0; i < 100 && !server.output().includes('tls reloaded'); i++)
        await new Promise((r) => setTimeout(r, 50));
      const afterReload = await undiciFetch(url, { dispatcher: trusting(second.cert) });
      expect(afterReload.status).toBe(200);
      await expect(undiciFetch(url, { dispatcher: trusting(first.cert) })).rejects.toThrow();
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  });

  it('refuses a certificate without a key', async () => {
    const r = await serveUntilExit(tempDir(), ['--tls-cert', '/nonexistent.crt']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/--tls-cert and --tls-key .* go together/);
  });
});
