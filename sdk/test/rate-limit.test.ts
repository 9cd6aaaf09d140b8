// The default retries against `coffer serve`'s own limiter (COFFER_RATE_LIMIT=50 requests per second per key,
// burst 50): 50 callers at once, as `tofu apply -parallelism=50` makes them, all finish with the defaults.
import { type RunningServer, startServer } from '@coffer/server/launch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Coffer, type Logger, RateLimitError } from '../src/index.ts';

const CALLERS = 50;
/** Calls per caller: 50 x 12 = 600 calls, about 12 s at 50 per second. */
const CALLS = 12;
/** What a Terraform resource does between calls (plan the next step, encode state): 0-20 ms. */
const think = () => new Promise((r) => setTimeout(r, Math.random() * 20));
let server: RunningServer;
const run = `r${Date.now().toString(36)}`;
const teamOf = (i: number) => `${run}-${i}`;
const workspaceOf = (i: number) => `ws-${run}-${i}`;

beforeAll(async () => {
  server = await startServer({ env: { COFFER_RATE_LIMIT: '50' } });
  // Secrets live on scopes that exist: one team per caller, and a workspace in it to resolve for (the SDK's
  // default retries wait out the limiter here too). Then the bucket refills before the test.
  const setup = new Coffer({ baseUrl: server.baseUrl, apiKey: server.apiKey });
  await Promise.all(
    Array.from({ length: CALLERS }, async (_, i) => {
      await setup.teams.create({ id: teamOf(i) });
      await setup.workspaces.create({ id: workspaceOf(i), teamId: teamOf(i) });
    }),
  );
  await setup.close();
  await new Promise((r) => setTimeout(r, 1100));
}, 60_000);
afterAll(() => server?.stop());

/** Counts the 429 answers the SDK retried (through the debug logger, which sees every retry). */
function counting(): Logger & { rateLimited: number } {
  const log = {
    rateLimited: 0,
    debug(message: string, fields?: Record<string, unknown>) {
      if (message.startsWith('retry ') && fields?.status === 429) log.rateLimited++;
    },
  };
  return log;
}

describe('default retries under the server rate limit', () => {
  it(`${CALLERS} concurrent callers, ${CALLS} calls each, none gives up`, async () => {
    const logger = counting();
    // Nothing but the connection and the logger: the retry settings are the defaults.
    const coffer = new Coffer({ baseUrl: server.baseUrl, apiKey: server.apiKey, logger });
    const caller = async (i: number) => {
      const name = `RL_${i}`;
      const scope = { type: 'team' as const, id: teamOf(i) };
      const s = await coffer.secrets.create({ name, scope, category: 'infrastructure', value: `v-${i}` });
      await think();
      const updated = await coffer.secrets.update(s.id, { description: 'rotated' }, { ifMatch: s.revision });
      await think();
      // The team layer of the workspace's own chain (its team, from the workspace record).
      const resolved = await coffer.secrets.resolve({ workspaceId: workspaceOf(i), names: [name] });
      expect(resolved.items[0]?.value.reveal()).toBe(`v-${i}`);
      await think();
      expect(await coffer.secrets.list({ scopeType: 'team', scopeId: scope.id }).toArray()).toHaveLength(1);
      for (let n = 0; n < CALLS - 5; n++) {
        await think();
        expect((await coffer.secrets.get(s.id)).description).toBe(updated.description);
      }
      await think();
      await coffer.secrets.delete(s.id);
    };
    const started = performance.now();
    const outcomes = await Promise.allSettled(Array.from({ length: CALLERS }, (_, i) => caller(i)));
    const seconds = (performance.now() - started) / 1000;
    await coffer.close();
    const failures = outcomes.flatMap((o) => (o.status === 'rejected' ? [String(o.reason)] : []));
    expect(failures).toEqual([]);
    // The limiter did push back (600 calls at 50 per second), and the SDK waited it out.
    expect(logger.rateLimited).toBeGreaterThan(CALLERS);
    expect(seconds).toBeGreaterThan((CALLERS * CALLS - 50) / 50 - 1);
  }, 120_000);

  it('the limit is real: with retries off, the same burst meets RateLimitError', async () => {
    const coffer = new Coffer({ baseUrl: server.baseUrl, apiKey: server.apiKey, maxRetries: 0 });
    // Let the bucket refill after the previous test, then spend it twice over.
    await new Promise((r) => setTimeout(r, 1100));
    const outcomes = await Promise.allSettled(Array.from({ length: 2 * CALLERS }, () => coffer.health()));
    const limited = await Promise.allSettled(
      Array.from({ length: 2 * CALLERS }, () => coffer.secrets.list({ limit: 1 }).page()),
    );
    await coffer.close();
    expect(outcomes.every((o) => o.status === 'fulfilled')).toBe(true); // health is not rate limited
    const rejected = limited.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
    expect(rejected.length).toBeGreaterThan(0);
    for (const e of rejected) {
      expect(e).toBeInstanceOf(RateLimitError);
      expect((e as RateLimitError).headers.get('retry-after')).toMatch(/^\d+$/);
    }
  }, 60_000);
});
