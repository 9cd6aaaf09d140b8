// Writing a file that holds a key or values: readable by its owner only, never half-written, never through a
// link someone planted beside it.
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `text` to `path` with mode 0600: into a new temporary file beside it (an unpredictable name, created
 * with `wx`, so an existing file or a planted link is never written through), renamed over `path`. An existing,
 * wider file at `path` never holds the text, even briefly; on failure the temporary file is removed.
 */
export function writePrivateFile(path: string, text: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(8).toString('hex')}.tmp`);
  let created = false;
  try {
    const fd = openSync(tmp, 'wx', 0o600);
    created = true;
    try {
      writeFileSync(fd, text);
    } finally {
      closeSync(fd);
    }
    chmodSync(tmp, 0o600); // the umask cannot widen it; this only states it
    renameSync(tmp, path);
  } catch (err) {
    if (created) rmSync(tmp, { force: true });
    throw err;
  }
}
