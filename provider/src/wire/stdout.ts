// stdout belongs to the go-plugin handshake: once guarded, console output and process.stdout.write go to
// stderr, and only writeHandshakeLine() reaches file descriptor 1.
import { Console } from 'node:console';
import { writeSync } from 'node:fs';

let guarded = false;

export function guardStdout(): void {
  if (guarded) return;
  guarded = true;
  globalThis.console = new Console({ stdout: process.stderr, stderr: process.stderr });
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
}

/** Writes straight to fd 1, past the guard. */
export function writeStdout(text: string): void {
  writeSync(1, text);
}
