/**
 * SQLite WAL checkpoints: under a steady stream of commits the WAL is still rewound (the checkpoint worker
 * quiesces the serving connection briefly instead of blocking it in a TRUNCATE), so it stays bounded, and
 * every committed row survives a close and reopen.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteDriver } from '../../src/store/sqlite.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function walBytes(path: string): number {
  try {
    return statSync(`${path}-wal`).size;
  } catch {
    return 0;
  }
}

/** The WAL header's salts (bytes 16-23): SQLite draws new ones each time it rewinds the WAL. */
function walSalts(path: string): string {
  const fd = openSync(`${path}-wal`, 'r');
  try {
    const header = Buffer.alloc(24);
    readSync(fd, header, 0, 24, 0);
    return header.subarray(16, 24).toString('hex');
  } finally {
    closeSync(fd);
  }
}

describe('sqlite checkpoints', () => {
  it('rewinds the WAL under continuous writes and keeps every row', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'coffer-ckpt-'));
    dirs.push(dataDir);
    const driver = openSqliteDriver({ dataDir });
    await driver.root.script('CREATE TABLE t (id INTEGER PRIMARY KEY, v BLOB NOT NULL)');
    const row = randomBytes(6000);
    const total = 64 * 1024 * 1024;
    let rows = 0;
    let maxWal = 0;
    const salts = new Set<string>();
    // A paced stream (about 25 MB/s, several checkpoint ticks long) with no pause in which the WAL could be
    // rewound on its own.
    while (rows * row.length < total) {
      await Promise.all(
        Array.from({ length: 10 }, () =>
          driver.root.transaction((tx) => tx.execute('INSERT INTO t (v) VALUES (?)', [row])),
        ),
      );
      rows += 10;
      maxWal = Math.max(maxWal, walBytes(driver.path));
      salts.add(walSalts(driver.path));
      await new Promise((r) => setTimeout(r, 1));
    }
    // Rewound several times; without that the WAL would hold every frame ever committed (over 64 MiB).
    expect(salts.size).toBeGreaterThanOrEqual(3);
    expect(maxWal).toBeLessThan(total / 2);
    await driver.close();

    const reopened = openSqliteDriver({ dataDir });
    try {
      const [count] = await reopened.root.query<{ n: number }>('SELECT count(*) AS n FROM t');
      expect(count?.n).toBe(rows);
    } finally {
      await reopened.close();
    }
  });
});
