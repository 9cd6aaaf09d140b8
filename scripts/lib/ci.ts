// "Skip unless the tool is there, fail under CI", for every package's tests and benchmarks. A suite that needs
// a tool (OpenTofu, PostgreSQL, Chromium, ...) skips with a loud message on a developer's machine that lacks
// it, and fails under CI, where scripts/setup.sh must have installed everything.
// It lives here, imported by relative path, because it belongs to no package: the test/ and examples/
// workspaces, the server's and the CLI's tests and the provider's benchmarks all use it without depending on
// one another, and it has no dependencies (plain Node, so `node provider/bench/x.ts` can import it too).
// scripts/lib/ci.sh is the same CI rule for the setup steps.

/** True under CI: `CI` set to anything but '', 'false' or '0' (GitHub, GitLab and .ci/run set CI=true). */
export const IN_CI = isCi(process.env.CI);

export function isCi(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}

/**
 * Answers true (skip) when something in `missing` is absent, after a loud warning naming it; throws under CI.
 * `what` names what would not run ("CDKTF end-to-end suite"); `missing` lists each absent piece with how to
 * get it ("OpenTofu (scripts/setup.d/10-opentofu.sh, or set TOFU_BIN)"). An empty list answers false.
 */
export function skipUnlessAvailable(what: string, missing: readonly string[], inCi = IN_CI): boolean {
  if (missing.length === 0) return false;
  const message = `${what}: missing ${missing.join(', ')}`;
  if (inCi) throw new Error(`${message} (required in CI)`);
  console.warn(`\n!!! SKIPPING ${message}. In CI this fails.\n`);
  return true;
}
