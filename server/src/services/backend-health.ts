/**
 * Whether the effective secrets backend answers, for readiness and `POST /v1/secrets-manager:check`. DB and
 * ENV live in this process and its store; a remote backend is asked (log in, count its secrets). Readiness
 * probes share one check every few seconds and do not count (one request to the backend), so a fleet of
 * probes does not become load on Vault or AWS.
 */
import type { StorageBackend, Store } from '../store/types.ts';
import { isRemote, type SecretValues } from './secret-values.ts';
import type { SecretsManagerState } from './secrets-manager.ts';

export interface BackendCheck {
  backend: StorageBackend;
  ok: boolean;
  latencyMs: number;
  secretCount?: number;
  /** What failed (names the backend and the operation; never a value or a token). */
  error?: string;
}

const PROBE_TTL_MS = 5_000;

export class BackendHealth {
  readonly #store: Store;
  readonly #manager: SecretsManagerState;
  readonly #values: SecretValues;
  #last: { at: number; result: BackendCheck } | null = null;
  #inFlight: Promise<BackendCheck> | null = null;

  constructor(store: Store, manager: SecretsManagerState, values: SecretValues) {
    this.#store = store;
    this.#manager = manager;
    this.#values = values;
  }

  /** A fresh check of the effective backend; `count: false` (readiness) skips counting its secrets. */
  async check({ count = true }: { count?: boolean } = {}): Promise<BackendCheck> {
    const { view, settings } = await this.#manager.remote();
    const backend = view.effectiveBackend;
    const started = performance.now();
    const ms = () => Math.round((performance.now() - started) * 100) / 100;
    try {
      if (!isRemote(backend)) {
        await this.#store.ping();
        const out: BackendCheck = { backend, ok: true, latencyMs: ms() };
        if (count) out.secretCount = await this.#store.secrets.count();
        return out;
      }
      const b = await this.#values.backend(backend, settings);
      const r = await b.check({ count });
      const out: BackendCheck = { backend, ok: true, latencyMs: ms() };
      if (!count) return out;
      // READONLY_VAULT references live in Coffer's store: that is the count that means something.
      if (backend === 'READONLY_VAULT') out.secretCount = await this.#store.secrets.count();
      else if (r.secretCount !== null) out.secretCount = r.secretCount;
      return out;
    } catch (err) {
      const error = isRemote(backend) ? (err as Error).message : `store unreachable (${(err as Error).name})`;
      return { backend, ok: false, latencyMs: ms(), error };
    } finally {
      this.#last = null;
    }
  }

  /** The last check if it is recent, else one new check shared by concurrent callers (for readiness). */
  async probe(): Promise<BackendCheck> {
    const last = this.#last;
    if (last && Date.now() - last.at < PROBE_TTL_MS) return last.result;
    this.#inFlight ??= this.check({ count: false })
      .then((result) => {
        this.#last = { at: Date.now(), result };
        return result;
      })
      .finally(() => {
        this.#inFlight = null;
      });
    return this.#inFlight;
  }
}
