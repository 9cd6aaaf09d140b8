/** Which driver errors mean "no space" and "damaged": read off real SQLite errors, and PostgreSQL's codes. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { isStorageFullError, isStoreDamagedError } from '../../src/store/types.ts';

const dir = mkdtempSync(join(tmpdir(), 'coffer-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a failure');
}

describe('store error classes', () => {
  it('SQLite "database or disk is full" is a full store, not a damaged one', () => {
    const db = new DatabaseSync(join(dir, 'full.db'));
    db.exec('CREATE TABLE t (v TEXT)');
    const pages = Number((db.prepare('PRAGMA page_count').get() as { page_count: number }).page_count);
    db.exec(`PRAGMA max_page_count = ${pages}`);
    const err = thrown(() => {
      for (let i = 0; i < 100; i++) db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(4000));
    });
    expect(isStorageFullError(err)).toBe(true);
    expect(isStoreDamagedError(err)).toBe(false);
    db.close();
  });

  it('a file that is not a database is a damaged store', () => {
    const path = join(dir, 'junk.db');
    writeFileSync(path, Buffer.alloc(8192, 0x5a));
    const err = thrown(() => new DatabaseSync(path).exec('SELECT * FROM sqlite_master'));
    expect(isStoreDamagedError(err)).toBe(true);
    expect(isStorageFullError(err)).toBe(false);
  });

  it("PostgreSQL's disk_full (53100) and data_corrupted (XX001) map the same way; other errors to neither", () => {
    expect(isStorageFullError({ code: '53100' })).toBe(true);
    expect(isStoreDamagedError({ code: 'XX001' })).toBe(true);
    for (const other of [{ code: '23505' }, new Error('x'), null, 'text']) {
      expect(isStorageFullError(other)).toBe(false);
      expect(isStoreDamagedError(other)).toBe(false);
    }
  });
});
