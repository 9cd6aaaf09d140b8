const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * Decrypted plaintext that never prints: toString/toJSON/util.inspect give "[redacted]".
 * Call `reveal()` at the single place the value must leave the process (the resolve response).
 */
export class SecretValue {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  reveal(): string {
    return this.#value;
  }
  toString(): string {
    return '[redacted]';
  }
  toJSON(): string {
    return '[redacted]';
  }
  [INSPECT](): string {
    return 'SecretValue([redacted])';
  }
  static of(v: string | SecretValue): SecretValue {
    return v instanceof SecretValue ? v : new SecretValue(v);
  }
  static reveal(v: string | SecretValue): string {
    return v instanceof SecretValue ? v.reveal() : v;
  }
}
