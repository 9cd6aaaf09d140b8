/** Crash safety: kill -9 the writer mid-burst; every acknowledged write is there and decrypts. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeStoreEnv, TEST_SECRET } from '../support/stores.ts';

const WRITER = join(import.meta.dirname, 'fixtures', 'crash-writer.ts');

describe('crash safety (sqlite, WAL + synchronous=NORMAL)', () => {
  it('keeps every acknowledged write across kill -9', async () => {
    const env = await makeStoreEnv('sqlite');
    try {
      for (let round = 0; round < 2; round++) {
        const child = spawn(process.execPath, [WRITER, env.dataDir, TEST_SECRET, `R${round}`], {
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stderr = '';
        child.stderr.on('data', (d) => {
          stderr += d;
        });
        const acked: Array<{ id: string; i: number }> = [];
        let buf = '';
        // Enough to be mid-burst; small enough that a writer sharing two cores with the rest of the suite gets there.
        const target = 150 + Math.floor(Math.random() * 150);
        const exited = new Promise<NodeJS.Signals | null>((resolve) =>
          child.on('exit', (_c, sig) => resolve(sig)),
        );
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(
            () => reject(new Error(`writer too slow: ${acked.length} acks; ${stderr}`)),
            90_000, // generous: the writer starts a fresh Node on a machine that may be busy with other suites
          );
          child.stdout.on('data', (d: Buffer) => {
            buf += d.toString('utf8');
            const lines = buf.split('\n');
            buf = lines.pop() ?? '';
            for (const line of lines) {
              const [id, i] = line.split(' ');
              if (id && i !== undefined) acked.push({ id, i: Number(i) });
            }
            if (acked.length >= target) {
              clearTimeout(timer);
              child.kill('SIGKILL'); // mid-burst: the writer is in its loop
              resolve();
            }
          });
          child.on('exit', () => {
            clearTimeout(timer);
            if (acked.length < target) reject(new Error(`writer exited early: ${stderr}`));
          });
        });
        expect(await exited).toBe('SIGKILL');

        const store = await env.open();
        try {
          for (const { id, i } of acked) {
            const rec = await store.secrets.get(id);
            expect(rec, `acknowledged write ${i} lost`).not.toBeNull();
            const v = store.crypto.decryptSecretValue(rec?.valueEnvelope as string, rec as never);
            expect(v.reveal()).toBe(`crash-value-${i}`);
          }
          const ov = await store.workspaceSecrets.get('crash', 'OPENAI_API_KEY');
          expect(ov).not.toBeNull();
          expect(
            store.crypto.decryptWorkspaceValue(ov?.valueEnvelope as string, ov as never).reveal(),
          ).toMatch(/^override-\d+$/);
          // Rounds accumulate: the store holds at least everything acknowledged so far.
          expect(await store.secrets.count()).toBeGreaterThanOrEqual(acked.length);
        } finally {
          await store.close();
        }
      }
    } finally {
      await env.cleanup();
    }
  }, 240_000);
});
