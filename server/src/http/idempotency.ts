/**
 * `Idempotency-Key` on POST: the same key with the same body replays the first answer; with another body
 * it answers 422. Keys are per principal and kept 24 hours. Stored answers are encrypted and bound to the
 * principal and key; the request is remembered only as a keyed MAC (a body holds a value, and a plain hash
 * of it beside the name and scope could be reversed by guessing); a resolve is never stored (its values
 * stay out of the database): a repeat runs it again.
 */
import type { Store } from '../store/types.ts';
import type { Principal } from './access.ts';
import type { Reply } from './context.ts';
import { HttpError } from './problem.ts';

const TTL_MS = 24 * 60 * 60 * 1000;
/** Status stored for answers that are recomputed rather than replayed. */
const RERUN = 0;
const RECOMPUTED = new Set(['resolveSecrets']);

interface Request {
  principal: Principal;
  key: string;
  method: string;
  path: string;
  raw: Buffer;
  op: string;
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}

function canonicalText(raw: Buffer): string {
  try {
    return JSON.stringify(canonical(JSON.parse(raw.toString('utf8') || 'null')));
  } catch {
    return raw.toString('base64');
  }
}

const inFlight = new Map<string, Promise<Reply>>();

export async function withIdempotency(store: Store, r: Request, run: () => Promise<Reply>): Promise<Reply> {
  const slot = `${r.principal.keyId}\u0000${r.key}`;
  // Two concurrent requests with one key in this process: the second waits for the first.
  for (let pending = inFlight.get(slot); pending; pending = inFlight.get(slot)) await pending.catch(() => {});
  const p = execute(store, r, run);
  inFlight.set(slot, p);
  try {
    return await p;
  } finally {
    if (inFlight.get(slot) === p) inFlight.delete(slot);
  }
}

async function execute(store: Store, r: Request, run: () => Promise<Reply>): Promise<Reply> {
  const bodyHash = store.crypto.requestFingerprint(canonicalText(r.raw));
  const aadRow = { principalId: r.principal.keyId, key: r.key };
  const prior = await store.idempotency.get(r.principal.keyId, r.key);
  if (prior) {
    if (prior.bodyHash !== bodyHash || prior.method !== r.method || prior.path !== r.path) {
      throw new HttpError(422, 'This Idempotency-Key was used with a different request.', [
        { pointer: '/header/Idempotency-Key', detail: 'was already used with a different request' },
      ]);
    }
    if (prior.status !== RERUN) {
      const body = prior.responseBody
        ? store.crypto.decryptIdempotentAnswer(prior.responseBody, aadRow).reveal()
        : undefined;
      return {
        status: prior.status,
        body,
        headers: { ...prior.responseHeaders, 'idempotent-replayed': 'true' },
        // A replay may carry a token (API key creation): never let a cache keep it.
        sensitive: true,
      };
    }
    return run();
  }
  const reply = await run();
  if (reply.status >= 200 && reply.status < 300) {
    const rerun = RECOMPUTED.has(r.op);
    const now = Date.now();
    await store.idempotency.put({
      key: r.key,
      principalId: r.principal.keyId,
      method: r.method,
      path: r.path,
      bodyHash,
      status: rerun ? RERUN : reply.status,
      responseBody:
        rerun || reply.body === undefined
          ? ''
          : store.crypto.encryptIdempotentAnswer(JSON.stringify(reply.body), aadRow),
      responseHeaders: rerun ? {} : (reply.headers ?? {}),
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + TTL_MS).toISOString(),
    });
  }
  return reply;
}
