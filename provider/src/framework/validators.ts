// Attribute validators. Each runs on a known, non-null value and answers a problem (shown as the diagnostic's
// detail, pointing at the attribute) or undefined. Validators never quote the value of a sensitive attribute:
// the framework passes `sensitive` so a message can leave it out.
import { fullFormats } from 'ajv-formats/dist/formats.js';
import type { Value } from './value.ts';

export interface Validator {
  /** Shown in descriptions (README); e.g. "one of DB, VAULT". */
  readonly description: string;
  check(value: Value, sensitive: boolean): string | undefined;
}

function shown(value: Value, sensitive: boolean): string {
  return sensitive ? '(sensitive value)' : JSON.stringify(value);
}

export function oneOf(allowed: readonly string[]): Validator {
  return {
    description: `one of ${allowed.join(', ')}`,
    check: (v, s) =>
      typeof v === 'string' && allowed.includes(v)
        ? undefined
        : `must be one of ${allowed.join(', ')}; got ${shown(v, s)}`,
  };
}

export function matches(re: RegExp, what: string): Validator {
  return {
    description: `${what} (${re.source})`,
    check: (v, s) =>
      typeof v === 'string' && re.test(v) ? undefined : `must be ${what} (${re.source}); got ${shown(v, s)}`,
  };
}

export function integerBetween(min: number, max: number): Validator {
  return {
    description: `an integer from ${min} to ${max}`,
    check: (v, s) =>
      typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max
        ? undefined
        : `must be an integer from ${min} to ${max}; got ${shown(v, s)}`,
  };
}

/** Length in Unicode code points, as JSON Schema's minLength/maxLength (and so the API) count it. */
export function lengthBetween(min: number, max: number): Validator {
  return {
    description: `${min} to ${max} characters`,
    check: (v) => {
      if (typeof v !== 'string') return `must be ${min} to ${max} characters long`;
      // Count only as far as needed: a value over the limit is refused without walking all of it.
      let n = 0;
      for (const _ of v) if (++n > max) break;
      return n >= min && n <= max ? undefined : `must be ${min} to ${max} characters long`;
    },
  };
}

const isDateTime = (fullFormats['date-time'] as { validate: (s: string) => boolean }).validate;

/** An RFC 3339 date-time exactly as the API checks it (ajv-formats' `date-time`, which the server uses):
 * real calendar days (no 2030-02-31), hours to 23, a time zone. */
export function rfc3339(): Validator {
  return {
    description: 'an RFC 3339 timestamp',
    check: (v, s) =>
      typeof v === 'string' && isDateTime(v)
        ? undefined
        : `must be an RFC 3339 timestamp such as 2030-01-31T00:00:00Z; got ${shown(v, s)}`,
  };
}

/** An http(s) URL without credentials in it: a user name or password would be printed wherever the URL is
 * (diagnostics name the address they could not reach), so such a URL is refused without being quoted. */
export function httpUrl(): Validator {
  return {
    description: 'an http(s) URL',
    check: (v, s) => {
      if (typeof v === 'string') {
        try {
          const u = new URL(v);
          if ((u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '') {
            if (u.username === '' && u.password === '') return undefined;
            return 'must not contain a user name or password (user:password@): give the API key as api_key (or COFFER_API_KEY)';
          }
        } catch {}
      }
      return `must be an http(s) URL such as http://127.0.0.1:8080; got ${shown(v, s)}`;
    },
  };
}
