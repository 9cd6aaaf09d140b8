import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isCi, skipUnlessAvailable } from '../lib/ci.ts';

describe('isCi', () => {
  it('is true for any CI value but empty, false and 0', () => {
    for (const v of ['true', '1', 'yes', 'woodpecker']) expect(isCi(v)).toBe(true);
    for (const v of [undefined, '', 'false', '0']) expect(isCi(v)).toBe(false);
  });
});

describe('in_ci (scripts/lib/ci.sh, for the setup steps)', () => {
  it('agrees with isCi on every value', () => {
    const lib = join(import.meta.dirname, '..', 'lib', 'ci.sh');
    for (const v of [undefined, '', 'false', '0', 'true', '1', 'yes']) {
      const env: NodeJS.ProcessEnv = { PATH: process.env.PATH };
      if (v !== undefined) env.CI = v;
      const r = spawnSync('bash', ['-c', `. '${lib}'; in_ci`], { env });
      expect(r.status === 0, `CI=${v}`).toBe(isCi(v));
    }
  });
});

describe('skipUnlessAvailable', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('runs (false) when nothing is missing, in CI or not', () => {
    expect(skipUnlessAvailable('suite', [], true)).toBe(false);
    expect(skipUnlessAvailable('suite', [], false)).toBe(false);
  });

  it('skips with a loud warning naming what is missing, outside CI', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(skipUnlessAvailable('the suite', ['OpenTofu (setup step)', 'Chromium'], false)).toBe(true);
    expect(warn).toHaveBeenCalledWith(
      '\n!!! SKIPPING the suite: missing OpenTofu (setup step), Chromium. In CI this fails.\n',
    );
  });

  it('throws under CI', () => {
    expect(() => skipUnlessAvailable('the suite', ['OpenTofu'], true)).toThrow(
      'the suite: missing OpenTofu (required in CI)',
    );
  });
});
