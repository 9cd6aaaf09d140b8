// Attribute validators. Each runs on a known, non-null value and answers a problem (shown as the diagnostic's
// detail, pointing at the attribute) or undefined. Validators never quote the value of a sensitive attribute:
// the framework passes `sensitive` so a message can leave it out.
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

export function lengthBetween(min: number, max: number): Validator {
  return {
    description: `${min} to ${max} characters`,
    check: (v) =>
      typeof v === 'string' && v.length >= min && v.length <= max
        ? undefined
        : `must be ${min} to ${max} characters long`,
  };
}

export function rfc3339(): Validator {
  const re = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
  return {
    description: 'an RFC 3339 timestamp',
    check: (v, s) =>
      typeof v === 'string' && re.test(v) && !Number.isNaN(Date.parse(v))
        ? undefined
        : `must be an RFC 3339 timestamp such as 2030-01-31T00:00:00Z; got ${shown(v, s)}`,
  };
}

export function httpUrl(): Validator {
  return {
    description: 'an http(s) URL',
    check: (v, s) => {
      if (typeof v === 'string') {
        try {
          const u = new URL(v);
          if ((u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '') return undefined;
        } catch {}
      }
      return `must be an http(s) URL such as http://127.0.0.1:8080; got ${shown(v, s)}`;
    },
  };
}
