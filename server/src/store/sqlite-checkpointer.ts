/**
 * WAL checkpoints off the event loop. With synchronous=NORMAL a commit does not fsync; a checkpoint does
 * (it copies WAL pages into the database file and syncs it). SQLite's automatic checkpoint runs inside the
 * COMMIT that crosses its threshold, on the serving thread, so every request queued behind that commit
 * waits for the fsync. The serving connection turns automatic checkpoints off; this worker thread, on its
 * own connection, runs a PASSIVE checkpoint (never blocks writers or readers) every `intervalMs`; with no
 * new frames it is a no-op.
 */
import { statSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';

const { path, intervalMs, restartBytes } = workerData as {
  path: string;
  intervalMs: number;
  restartBytes: number;
};
const db = new DatabaseSync(path);
db.exec('PRAGMA busy_timeout = 5000');

function walBytes(): number {
  try {
    return statSync(`${path}-wal`).size;
  } catch {
    return 0;
  }
}

const timer = setInterval(() => {
  try {
    db.exec('PRAGMA wal_checkpoint(PASSIVE)');
    // Under a steady stream of commits a PASSIVE checkpoint never finds the WAL fully copied, so the WAL is
    // never rewound and keeps growing. Past `restartBytes` a TRUNCATE checkpoint waits for the writer to
    // pause, copies the few frames PASSIVE left, and rewinds the WAL: a short, rare wait for writers.
    if (walBytes() > restartBytes) db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  } catch {
    // Busy or locked: the next tick tries again.
  }
}, intervalMs);

parentPort?.on('message', (m) => {
  if (m === 'stop') {
    clearInterval(timer);
    db.close();
    parentPort?.postMessage('stopped');
  }
});
