// What the debug log may show of a request: secret-bearing body fields and credential headers replaced.
import { REDACTED, Secret } from '../secret.ts';

const SENSITIVE_KEYS = /^(value|values|token|apikey|api_key|secret|password|authorization)$/i;
const SENSITIVE_HEADERS = /^(authorization|cookie|x-api-key)$/i;

/** A deep copy of a request body with secret-bearing fields replaced. */
export function redactBody(body: unknown, depth = 0): unknown {
  if (body instanceof Secret) return REDACTED;
  if (body === null || typeof body !== 'object' || depth > 8) return body;
  if (Array.isArray(body)) return body.map((v) => redactBody(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) {
    out[k] = SENSITIVE_KEYS.test(k) && v != null ? REDACTED : redactBody(v, depth + 1);
  }
  return out;
}

export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) out[k] = SENSITIVE_HEADERS.test(k) ? REDACTED : v;
  return out;
}
