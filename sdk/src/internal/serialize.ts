// The wire form of a call: path template filled in, form-style query, JSON body with Secrets unwrapped.
import { Secret } from '../secret.ts';

const PATH_PARAM = /\{([^{}]+)\}/g;
const pathTemplates = new Map<string, string[]>();

/** Fills `{name}` placeholders (simple style, percent-encoded); the spec only uses primitive path params. */
export function serializePath(
  template: string,
  params: Readonly<Record<string, unknown>> | undefined,
): string {
  let parts = pathTemplates.get(template);
  if (parts === undefined) {
    // Split once per template: even indexes are literal text, odd ones parameter names.
    parts = template.split(PATH_PARAM);
    if (pathTemplates.size < 1000) pathTemplates.set(template, parts);
  }
  let out = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] as string;
    const v = params?.[name];
    out += v === undefined || v === null ? `{${name}}` : encodeURIComponent(String(v));
    out += parts[i + 1] as string;
  }
  return out;
}

/** Form-style query (`a=1&b=x&tag=1&tag=2`), keys in insertion order, undefined/null skipped. */
export function serializeQuery(query: object): string {
  let out = '';
  for (const [key, v] of Object.entries(query)) {
    if (v === undefined || v === null) continue;
    const k = encodeURIComponent(key);
    if (Array.isArray(v)) {
      for (const x of v) out += `${out ? '&' : ''}${k}=${encodeURIComponent(String(x))}`;
    } else {
      out += `${out ? '&' : ''}${k}=${encodeURIComponent(v instanceof Date ? v.toISOString() : String(v))}`;
    }
  }
  return out;
}

/** JSON body that unwraps Secret values at the last moment (their toJSON would give `[redacted]`). */
export function serializeBody(body: unknown): string {
  return JSON.stringify(body, function (this: Record<string, unknown>, key: string, value: unknown) {
    const original = this[key];
    return original instanceof Secret ? original.reveal() : value;
  });
}
