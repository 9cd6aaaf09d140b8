// A progress bar on stderr for long runs (cli-progress, loaded only when shown): on a terminal for more
// than `threshold` steps, always with --progress, never with --no-progress. It shows counts, never names.
export interface Progress {
  tick(n?: number): void;
  stop(): void;
}

const NONE: Progress = { tick() {}, stop() {} };

export async function progress(
  total: number,
  label: string,
  flag: unknown,
  threshold = 10,
): Promise<Progress> {
  const show = flag === true || (flag === undefined && process.stderr.isTTY && total > threshold);
  if (!show || total === 0) return NONE;
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {value}/{total} {percentage}% {eta_formatted}`,
      stream: process.stderr,
      noTTYOutput: !process.stderr.isTTY,
      notTTYSchedule: 1000,
      hideCursor: process.stderr.isTTY ? true : null,
      clearOnComplete: false,
    },
    cliProgress.Presets.legacy,
  );
  bar.start(total, 0);
  let value = 0;
  return {
    tick(n = 1) {
      value += n;
      bar.update(value);
    },
    stop() {
      bar.update(value);
      bar.stop();
    },
  };
}
