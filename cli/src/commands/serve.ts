// coffer serve [flags]: the reference server (@coffer/server), with exactly its own flags and exit codes.
export async function serve(): Promise<void> {
  const all = process.argv.slice(2);
  const at = all.indexOf('serve');
  // The server parses process.argv itself, and expects `serve` first.
  process.argv = [process.argv[0] as string, process.argv[1] as string, ...all.slice(at)];
  await import('@coffer/server/cli');
}
