import { inspect } from 'node:util';

const REDACTED = '[redacted]';

/**
 * Holds a sensitive string (an API key, a secret value) so that it cannot leak by accident:
 * `String(s)`, template literals, `JSON.stringify`, `util.inspect` and `console.log` all print
 * `[redacted]`. The value is only available through an explicit `.reveal()`.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    if (typeof value !== 'string') throw new TypeError('Secret value must be a string');
    this.#value = value;
  }

  /** Wraps a plain string; a `Secret` is returned as is. */
  static from(value: string | Secret): Secret {
    return value instanceof Secret ? value : new Secret(value);
  }

  /** Unwraps a `Secret`; a plain string is returned as is. */
  static reveal(value: string | Secret): string {
    return value instanceof Secret ? value.#value : value;
  }

  /** The plain value. Call it only where the value must leave the process (an HTTP header, a file). */
  reveal(): string {
    return this.#value;
  }

  get length(): number {
    return this.#value.length;
  }

  /** Constant-time comparison with another secret or string. */
  equals(other: string | Secret): boolean {
    const a = Buffer.from(this.#value);
    const b = Buffer.from(Secret.reveal(other));
    if (a.length !== b.length) return false;
    let diff = 0;
    for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
    return diff === 0;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [Symbol.toPrimitive](): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return `Secret(${REDACTED})`;
  }
}

export { REDACTED };
