// `npm run bench -w @coffer/cli`: start-up of the `coffer` a person types, next to `node -e 0` (the floor:
// Node itself). Median and p90 wall time of N runs each, interleaved; the target is <= 150 ms median for
// `coffer --version`. Exits 1 when the target is missed.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const TARGET_MS = 150;
const bin = join(import.meta.dirname, '..', 'bin', 'coffer.js');

const cases: { name: string; cmd: string; args: string[] }[] = [
  { name: 'node -e 0 (floor)', cmd: process.execPath, args: ['-e', '0'] },
  { name: 'coffer --version', cmd: bin, args: ['--version'] },
  { name: 'coffer --help', cmd: bin, args: ['--help'] },
  { name: 'coffer secrets create --help', cmd: bin, args: ['secrets', 'create', '--help'] },
];

function once(c: (typeof cases)[number]): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(c.cmd, c.args, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`${c.name} exited with ${r.status}`);
  return Number(process.hrtime.bigint() - t) / 1e6;
}

const times = new Map(cases.map((c) => [c.name, [] as number[]]));
for (const c of cases) once(c); // warm the page cache
for (let i = 0; i < RUNS; i++) for (const c of cases) times.get(c.name)?.push(once(c));

const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] as number;
};
const floor = q(times.get(cases[0]?.name as string) ?? [], 0.5);
console.log(
  `start-up, ${RUNS} runs each (Node ${process.version}, load average ${(await import('node:os')).loadavg()[0]?.toFixed(2)})`,
);
console.log('command'.padEnd(32), 'median'.padStart(9), 'p90'.padStart(9), 'over floor'.padStart(11));
for (const [name, xs] of times) {
  const m = q(xs, 0.5);
  console.log(
    name.padEnd(32),
    `${m.toFixed(1)} ms`.padStart(9),
    `${q(xs, 0.9).toFixed(1)} ms`.padStart(9),
    `+${(m - floor).toFixed(1)} ms`.padStart(11),
  );
}
const version = q(times.get('coffer --version') ?? [], 0.5);
const ok = version <= TARGET_MS;
console.log(
  `coffer --version median ${version.toFixed(1)} ms, target <= ${TARGET_MS} ms: ${ok ? 'met' : 'MISSED'}`,
);
process.exitCode = ok ? 0 : 1;
