import { Secret } from '../secret.ts';
import type { SecretOutput } from '../types.ts';

/** Wraps every string `value` / `token` field of a response in a Secret. */
export function wrapSecrets<T>(data: T): SecretOutput<T>;
export function wrapSecrets(data: unknown): unknown {
  if (Array.isArray(data)) return data.map(wrapSecrets);
  if (data === null || typeof data !== 'object') return data;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    out[k] = (k === 'value' || k === 'token') && typeof v === 'string' ? new Secret(v) : wrapSecrets(v);
  }
  return out;
}
