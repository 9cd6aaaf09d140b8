/**
 * WAL checkpoints off the event loop. With synchronous=NORMAL a commit does not fsync; a checkpoint does
 * (it copies WAL pages into the database file and syncs it). SQLite's automatic checkpoint runs inside the
 * COMMIT that crosses its threshold, on the serving thread, so every request queued behind that commit
 * waits for the fsync. The serving connection turns automatic checkpoints off; this worker thread, on its
 * own connection, runs a PASSIVE checkpoint every `intervalMs`. PASSIVE never takes the write lock, so the
 * serving thread never waits for it.
 *
 * The WAL is rewound (written again from its start) only by a write that begins when every frame has been
 * copied, which under a steady stream of commits never happens by itself. TRUNCATE or RESTART would force it,
 * but they hold the write lock through the copy and the fsync, and the serving thread then sleeps in SQLite's
 * busy handler with the whole event loop stopped (measured: ~30 ms every ~800 ms at 1,000 writes/s). Instead,
 * past `restartFrames` frames, the worker asks the serving thread to quiesce: it finishes the open batch and
 * holds new statements at its gate, asynchronously, while the event loop keeps serving. A second PASSIVE then
 * copies the few frames left since the first, the worker says `resume`, and the next write rewinds the WAL.
 *
 * Messages: worker -> main `quiesce`, `resume`, `stopped`; main -> worker `quiesced`, `stop`.
 */
import { DatabaseSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';

const { path, intervalMs, restartFrames } = workerData as {
  path: string;
  intervalMs: number;
  restartFrames: number;
};
const db = new DatabaseSync(path);
db.exec('PRAGMA busy_timeout = 5000');
const passive = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');

interface CheckpointResult {
  busy: number;
  /** Frames in the WAL. */
  log: number;
  /** Frames copied into the database file. */
  checkpointed: number;
}

function checkpoint(): CheckpointResult | null {
  try {
    return passive.get() as unknown as CheckpointResult;
  } catch {
    return null; // Busy or locked: the next tick tries again.
  }
}

let quiescing = false;

const timer = setInterval(() => {
  if (quiescing) return;
  const r = checkpoint();
  if (r && r.log >= restartFrames) {
    quiescing = true;
    parentPort?.postMessage('quiesce');
  }
}, intervalMs);

parentPort?.on('message', (m) => {
  if (m === 'quiesced') {
    checkpoint();
    quiescing = false;
    parentPort?.postMessage('resume');
  } else if (m === 'stop') {
    clearInterval(timer);
    db.close();
    parentPort?.postMessage('stopped');
  }
});
