// Validation shared by the cdktf and cdktn constructs. Pure functions over plain values: no cdktf/cdktn import,
// so both entry points use the same rules. Values that are unresolved tokens (variables, references to other
// resources) are not known before `tofu plan`, so the rules skip them; the provider validates them at plan time.
import { DATE_TIME } from '@coffer/sdk/rules';

/** One problem found before synth: `path` names the construct property (`secrets.OPENAI_KEY`, `vault.address`). */
export interface Issue {
  readonly path: string;
  readonly message: string;
}

/** Thrown by a Coffer construct whose properties are invalid. Lists every problem, never a secret value. */
export class CofferValidationError extends Error {
  readonly construct: string;
  readonly issues: readonly Issue[];
  constructor(construct: string, issues: readonly Issue[]) {
    super(`${construct}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    this.name = 'CofferValidationError';
    this.construct = construct;
    this.issues = issues;
  }
}

/** Answers whether a value is a token that only resolves at plan/apply time (Token.isUnresolved of a flavor). */
export type IsUnresolved = (value: unknown) => boolean;

/** Collects issues; `throwIfAny` raises one CofferValidationError with all of them. */
export class Issues {
  readonly list: Issue[] = [];
  readonly isUnresolved: IsUnresolved;
  constructor(isUnresolved: IsUnresolved) {
    this.isUnresolved = isUnresolved;
  }

  add(path: string, message: string): void {
    this.list.push({ path, message });
  }

  /** Runs `check` on a known value; tokens and undefined pass. */
  known<T>(value: T | undefined, check: (value: T) => void): void {
    if (value === undefined || this.isUnresolved(value)) return;
    check(value);
  }

  pattern(path: string, value: string | undefined, re: RegExp, what: string): void {
    this.known(value, (v) => {
      if (typeof v !== 'string' || !re.test(v))
        this.add(path, `must be ${what} (${re.source}), got ${describe(v)}`);
    });
  }

  oneOf<T extends string | number>(path: string, value: T | undefined, allowed: readonly T[]): void {
    this.known(value, (v) => {
      if (!allowed.includes(v)) this.add(path, `must be one of ${allowed.join(', ')}, got ${describe(v)}`);
    });
  }

  integer(path: string, value: number | undefined, min: number, max: number): void {
    this.known(value, (v) => {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
        this.add(path, `must be an integer from ${min} to ${max}, got ${describe(v)}`);
      }
    });
  }

  url(path: string, value: string | undefined): void {
    this.known(value, (v) => {
      let ok = false;
      try {
        const u = new URL(v);
        ok = (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
      } catch {}
      if (!ok)
        this.add(path, `must be an http(s) URL such as https://vault.example.com:8200, got ${describe(v)}`);
    });
  }

  /** Adds "is required" for a missing or blank value; answers whether the value is present. */
  required(path: string, value: unknown): boolean {
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      this.add(path, 'is required');
      return false;
    }
    return true;
  }

  nonEmpty(path: string, value: string | undefined): void {
    this.known(value, (v) => {
      if (typeof v !== 'string' || v.trim() === '') this.add(path, 'must be a non-empty string');
    });
  }

  /** Timestamps are RFC 3339 with an offset, as the API expects. */
  timestamp(path: string, value: string | undefined): void {
    this.known(value, (v) => {
      if (typeof v !== 'string' || !DATE_TIME.test(v) || Number.isNaN(Date.parse(v))) {
        this.add(path, `must be an RFC 3339 timestamp such as 2027-01-31T00:00:00Z, got ${describe(v)}`);
      }
    });
  }

  throwIfAny(construct: string): void {
    if (this.list.length > 0) throw new CofferValidationError(construct, this.list);
  }
}

/** Describes a non-secret value for an error message (short, quoted). */
export function describe(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return typeof value;
}

/** Accepts a Date or a string; Dates become RFC 3339 UTC strings. */
export function toTimestamp(value: string | Date | undefined): string | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return 'Invalid Date';
    return value.toISOString().replace(/\.000Z$/, 'Z');
  }
  return value;
}
