/**
 * AES-256-GCM envelope encryption for values at rest.
 *
 * Key derivation: key = HKDF-SHA256(ikm = UTF-8 bytes of the encryption secret,
 *                                   salt = "coffer/db-backend/salt/v1", info = "coffer/db-backend/v1", L = 32).
 * Key id:         first 4 bytes (8 hex chars) of HKDF-SHA256(same ikm, same salt, info = "coffer/key-id/v1"),
 *                 so the id reveals nothing about the key but tells which key wrote an envelope.
 *
 * Envelope (ASCII, one string column):
 *     v1.<keyId>.<base64url(iv: 12 bytes)>.<base64url(ciphertext || tag: 16 bytes)>
 * AAD = UTF-8 of "v1.<keyId>" + "\n" + caller AAD (the row identity, e.g. secret id + scope + name), so a
 * ciphertext moved to another row, or a header edited, fails authentication.
 */
import {
  createCipheriv,
  createDecipheriv,
  createSecretKey,
  hkdfSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import { SecretValue } from './secret-value.ts';

export const ENVELOPE_VERSION = 'v1';
export const HKDF_SALT = 'coffer/db-backend/salt/v1';
export const HKDF_INFO = 'coffer/db-backend/v1';
const HKDF_KEY_ID_INFO = 'coffer/key-id/v1';
export const MIN_SECRET_LENGTH = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Decryption failed: wrong key, tampered data or AAD mismatch. Never includes plaintext. */
export class DecryptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecryptError';
  }
}

export class EncryptionSecretError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EncryptionSecretError';
  }
}

export function validateSecret(secret: string, source: string): void {
  if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) {
    throw new EncryptionSecretError(
      `${source} must be at least ${MIN_SECRET_LENGTH} characters long (got ${typeof secret === 'string' ? secret.length : 0}); generate one with: openssl rand -base64 48`,
    );
  }
}

/** One derived key. */
export class Cipher {
  readonly keyId: string;
  /**
   * A KeyObject, not a Buffer: the key material lives outside the JS heap, and Node takes a KeyObject without
   * first probing (and throwing internally for) a raw buffer, about 4x faster per cipher.
   */
  readonly #key: KeyObject;

  constructor(secret: string, source = 'the encryption secret') {
    validateSecret(secret, source);
    const ikm = Buffer.from(secret, 'utf8');
    this.#key = createSecretKey(Buffer.from(hkdfSync('sha256', ikm, HKDF_SALT, HKDF_INFO, 32)));
    this.keyId = Buffer.from(hkdfSync('sha256', ikm, HKDF_SALT, HKDF_KEY_ID_INFO, 4)).toString('hex');
  }

  encrypt(plaintext: string | SecretValue, aad: string): string {
    const header = `${ENVELOPE_VERSION}.${this.keyId}`;
    const iv = randomBytes(IV_BYTES);
    const c = createCipheriv('aes-256-gcm', this.#key, iv, { authTagLength: TAG_BYTES });
    c.setAAD(Buffer.from(`${header}\n${aad}`, 'utf8'));
    const ct = Buffer.concat([c.update(SecretValue.reveal(plaintext), 'utf8'), c.final(), c.getAuthTag()]);
    return `${header}.${iv.toString('base64url')}.${ct.toString('base64url')}`;
  }

  decrypt(envelope: string, aad: string): SecretValue {
    const p = parseEnvelope(envelope);
    if (p.keyId !== this.keyId)
      throw new DecryptError(`envelope was written with key ${p.keyId}, not ${this.keyId}`);
    const d = createDecipheriv('aes-256-gcm', this.#key, p.iv, { authTagLength: TAG_BYTES });
    d.setAAD(Buffer.from(`${p.version}.${p.keyId}\n${aad}`, 'utf8'));
    d.setAuthTag(p.ciphertext.subarray(p.ciphertext.length - TAG_BYTES));
    try {
      const pt = Buffer.concat([
        d.update(p.ciphertext.subarray(0, p.ciphertext.length - TAG_BYTES)),
        d.final(),
      ]);
      return new SecretValue(pt.toString('utf8'));
    } catch {
      throw new DecryptError('envelope failed authentication (tampered, wrong key, or bound to another row)');
    }
  }
}

export interface ParsedEnvelope {
  version: string;
  keyId: string;
  iv: Buffer;
  ciphertext: Buffer;
}

const B64URL = /^[A-Za-z0-9_-]+$/;

export function parseEnvelope(envelope: string): ParsedEnvelope {
  const parts = typeof envelope === 'string' ? envelope.split('.') : [];
  const [version, keyId, iv, ct] = parts;
  if (parts.length !== 4 || version !== ENVELOPE_VERSION || !keyId || !/^[0-9a-f]{8}$/.test(keyId)) {
    throw new DecryptError('not a coffer v1 envelope');
  }
  if (!iv || !ct || !B64URL.test(iv) || !B64URL.test(ct)) throw new DecryptError('malformed envelope');
  const ivBuf = Buffer.from(iv, 'base64url');
  const ctBuf = Buffer.from(ct, 'base64url');
  if (ivBuf.length !== IV_BYTES || ctBuf.length < TAG_BYTES) throw new DecryptError('malformed envelope');
  return { version, keyId, iv: ivBuf, ciphertext: ctBuf };
}

export function envelopeKeyId(envelope: string): string {
  return parseEnvelope(envelope).keyId;
}

/**
 * The current key (encrypts) plus, during rotation, the previous one (decrypts only).
 * Envelopes say which key wrote them, so decrypt picks the right one.
 */
export class Keyring {
  readonly current: Cipher;
  readonly previous: Cipher | null;

  constructor(current: Cipher, previous: Cipher | null = null) {
    this.current = current;
    this.previous = previous && previous.keyId !== current.keyId ? previous : null;
  }

  static fromSecrets(current: string, previous?: string): Keyring {
    return new Keyring(
      new Cipher(current, 'COFFER_ENCRYPTION_SECRET'),
      previous ? new Cipher(previous, 'COFFER_ENCRYPTION_SECRET_PREVIOUS') : null,
    );
  }

  encrypt(plaintext: string | SecretValue, aad: string): string {
    return this.current.encrypt(plaintext, aad);
  }

  decrypt(envelope: string, aad: string): SecretValue {
    const keyId = envelopeKeyId(envelope);
    if (keyId === this.current.keyId) return this.current.decrypt(envelope, aad);
    if (this.previous && keyId === this.previous.keyId) return this.previous.decrypt(envelope, aad);
    throw new DecryptError(`no key for envelope key id ${keyId}`);
  }

  /** True when the envelope was not written with the current key. */
  needsReencrypt(envelope: string): boolean {
    return envelopeKeyId(envelope) !== this.current.keyId;
  }

  /** Decrypt with whichever key wrote it, encrypt with the current key. */
  reencrypt(envelope: string, aad: string): string {
    return this.current.encrypt(this.decrypt(envelope, aad), aad);
  }
}
