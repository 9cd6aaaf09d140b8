import { afterEach, describe, expect, it, vi } from 'vitest';
import { isCi, skipUnlessAvailable } from '../lib/ci.ts';

describe('isCi', () => {
  it('is true for any CI value but empty, false and 0', () => {
    for (const v of ['true', '1', 'yes', 'woodpecker']) expect(isCi(v)).toBe(true);
    for (const v of [undefined, '', 'false', '0']) expect(isCi(v)).toBe(false);
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
