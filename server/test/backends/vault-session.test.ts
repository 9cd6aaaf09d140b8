/** VaultSession as a unit: the login cache, its refresh point, sharing, and one re-login on 403. */
import { describe, expect, it } from 'vitest';
import { BackendUnavailableError } from '../../src/backends/types.ts';
import { type VaultAuthMethod, type VaultLogin, VaultSession } from '../../src/backends/vault/auth.ts';
import { VaultDeniedError, VaultHttp } from '../../src/backends/vault/http.ts';

class FakeLogin implements VaultAuthMethod {
  readonly name = 'K8S' as const;
  calls = 0;
  leaseSeconds: number;
  /** How long ago each login was obtained (to age it without waiting). */
  agedMs = 0;
  constructor(leaseSeconds: number) {
    this.leaseSeconds = leaseSeconds;
  }
  async login(): Promise<VaultLogin> {
    this.calls += 1;
    await new Promise((r) => setTimeout(r, 5));
    return {
      token: `t${this.calls}`,
      leaseSeconds: this.leaseSeconds,
      renewable: false,
      obtainedAt: Date.now() - this.agedMs,
    };
  }
}

const http = new VaultHttp({ address: 'http://127.0.0.1:1', label: 'Vault at test' });

describe('VaultSession', () => {
  it('one login for many concurrent callers, kept while the lease is fresh', async () => {
    const m = new FakeLogin(3600);
    const s = new VaultSession(http, m);
    const tokens = await Promise.all(Array.from({ length: 20 }, () => s.token()));
    expect(new Set(tokens)).toEqual(new Set(['t1']));
    expect(await s.token()).toBe('t1');
    expect(m.calls).toBe(1);
  });

  it('logs in again past 75 % of a long lease, past half of a short one, never for a lease of 0', async () => {
    const long = new FakeLogin(3600);
    long.agedMs = 0.76 * 3600_000;
    const s1 = new VaultSession(http, long);
    await s1.token();
    await s1.token();
    expect(long.calls).toBe(2);
    const short = new FakeLogin(10);
    short.agedMs = 4_000; // 40 %: still fresh
    const s2 = new VaultSession(http, short);
    await s2.token();
    await s2.token();
    expect(short.calls).toBe(1);
    const forever = new FakeLogin(0);
    forever.agedMs = 365 * 86_400_000;
    const s3 = new VaultSession(http, forever);
    await s3.token();
    await s3.token();
    expect(forever.calls).toBe(1);
  });

  it('a 403 is one new login and one retry; a second 403 is a clear error', async () => {
    const m = new FakeLogin(3600);
    const s = new VaultSession(http, m);
    const seen: string[] = [];
    const once = await s.withToken(async (t) => {
      seen.push(t);
      if (seen.length === 1) throw new VaultDeniedError('GET x: permission denied', ['permission denied']);
      return 'ok';
    });
    expect(once).toBe('ok');
    expect(seen).toEqual(['t1', 't2']);
    const err = await s
      .withToken(async () => {
        throw new VaultDeniedError('GET y: permission denied', ['permission denied']);
      })
      .catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(BackendUnavailableError);
    expect(err.message).toMatch(/GET y: permission denied \(after a fresh K8S login\)/);
    expect(m.calls).toBe(3);
  });
});
