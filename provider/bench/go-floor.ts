// What OpenTofu charges for an out-of-process provider at all: `tofu apply` of N `floor_thing` from a no-op
// Go provider (bench/go-floor/main.go, terraform-plugin-framework; every RPC answered at once) next to N
// built-in `terraform_data`, and the same N of the TypeScript wire layer's no-op test provider
// (test/wire/fixtures/fake-provider.ts, started like the real launcher: Node 24 with the compile cache on).
// The Go ratio is the floor any provider pays; bench/apply.ts's coffer ratio should be read against it.
// Builds the Go provider with the Go toolchain from the module proxy into ~/.cache/coffer-tools (skipped when
// already built); without Go or OpenTofu it prints why and exits 0 (1 under CI).
//   node provider/bench/go-floor.ts [--sizes 1000] [--runs 3]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { skipUnlessAvailable } from '../../scripts/lib/ci.ts';
import { findTofu } from '../src/dev/tofu.ts';
import { arg, median, timeTofu, writeFakeLauncher } from './common.ts';

const SOURCE = join(import.meta.dirname, 'go-floor');
const TOOLS = join(homedir(), '.cache', 'coffer-tools');

function executable(path: string | undefined): path is string {
  if (!path) return false;
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string): string[] {
  return (process.env.PATH ?? '').split(delimiter).map((d) => join(d, name));
}

function findGo(): string | undefined {
  return [process.env.GO_BIN, ...onPath('go'), '/usr/local/go/bin/go'].find(executable);
}

/** Builds bench/go-floor into the tools cache (keyed by its sources); answers the directory holding the binary. */
function buildGoFloor(go: string): string {
  const hash = createHash('sha256');
  for (const f of ['main.go', 'go.mod', 'go.sum']) hash.update(readFileSync(join(SOURCE, f)));
  const dir = join(TOOLS, `go-floor-provider-${hash.digest('hex').slice(0, 12)}`);
  const bin = join(dir, 'terraform-provider-floor');
  if (executable(bin)) return dir;
  mkdirSync(dir, { recursive: true });
  console.log(
    `building the Go floor provider into ${dir} (once; about 2 minutes with an empty module cache)`,
  );
  const r = spawnSync(go, ['build', '-o', bin, '.'], {
    cwd: SOURCE,
    stdio: 'inherit',
    env: {
      ...process.env,
      GOMODCACHE: process.env.GOMODCACHE ?? join(TOOLS, 'gomod'),
      GOCACHE: process.env.GOCACHE ?? join(TOOLS, 'gocache'),
      GOFLAGS: '-mod=mod',
    },
  });
  if (r.status !== 0) throw new Error(`go build of ${SOURCE} failed (exit ${r.status})`);
  return dir;
}

function cliConfig(file: string, source: string, dir: string): string {
  writeFileSync(
    file,
    `provider_installation {\n  dev_overrides {\n    ${JSON.stringify(source)} = ${JSON.stringify(dir)}\n  }\n  direct {}\n}\n`,
  );
  return file;
}

async function main(): Promise<void> {
  const tofu = findTofu();
  const go = findGo();
  if (!tofu || !go) {
    skipUnlessAvailable('bench go-floor', [
      ...(tofu ? [] : ['OpenTofu (set TOFU_BIN)']),
      ...(go ? [] : ['Go (set GO_BIN)']),
    ]);
    process.exit(0);
  }
  const goDir = buildGoFloor(go);
  const work = mkdtempSync(join(tmpdir(), 'coffer-bench-go-floor-'));
  try {
    const nodeDir = join(work, 'node-bin');
    mkdirSync(nodeDir);
    writeFakeLauncher(nodeDir);
    const base = { PATH: process.env.PATH, HOME: process.env.HOME };
    const kinds = {
      builtin: {
        env: base,
        hcl: (n: number) =>
          `resource "terraform_data" "bench" {\n  count = ${n}\n  input = "bench-value-\${count.index}"\n}\n`,
      },
      go: {
        env: { ...base, TF_CLI_CONFIG_FILE: cliConfig(join(work, 'go.tfrc'), 'coffer/floor', goDir) },
        hcl: (n: number) =>
          `terraform {\n  required_providers {\n    floor = { source = "coffer/floor" }\n  }\n}\nresource "floor_thing" "bench" {\n  count = ${n}\n}\n`,
      },
      node: {
        env: { ...base, TF_CLI_CONFIG_FILE: cliConfig(join(work, 'node.tfrc'), 'coffer/coffer', nodeDir) },
        hcl: (n: number) =>
          `terraform {\n  required_providers {\n    coffer = { source = "coffer/coffer" }\n  }\n}\nresource "coffer_thing" "bench" {\n  count = ${n}\n}\n`,
      },
    };
    const sizes = (arg('--sizes') ?? '1000').split(',').map(Number);
    const runs = Number(arg('--runs') ?? 3);
    console.log(`no-op providers, tofu apply from an empty state, median of ${runs} runs`);
    for (const n of sizes) {
      const ms: Record<keyof typeof kinds, number[]> = { builtin: [], go: [], node: [] };
      for (let rep = 0; rep < runs; rep++) {
        for (const [kind, k] of Object.entries(kinds) as [keyof typeof kinds, (typeof kinds)['go']][]) {
          const dir = join(work, `${kind}-${n}`);
          mkdirSync(dir, { recursive: true });
          writeFileSync(join(dir, 'main.tf'), k.hcl(n));
          rmSync(join(dir, 'terraform.tfstate'), { force: true });
          ms[kind].push(await timeTofu(tofu, ['apply', '-auto-approve', '-no-color'], dir, k.env));
        }
      }
      const b = median(ms.builtin);
      const g = median(ms.go);
      const t = median(ms.node);
      console.log(
        `n=${String(n).padStart(5)}  terraform_data ${(b / 1000).toFixed(2)} s   ` +
          `Go no-op (terraform-plugin-framework) ${(g / 1000).toFixed(2)} s = ${(g / b).toFixed(2)}x   ` +
          `TypeScript no-op (this wire layer) ${(t / 1000).toFixed(2)} s = ${(t / b).toFixed(2)}x`,
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
