import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import {
  Cipher,
  DecryptError,
  EncryptionSecretError,
  Keyring,
  loadEncryptionSecret,
  parseEnvelope,
  SecretValue,
} from '../../src/crypto/index.ts';

const K1 = 'first-secret-0123456789abcdefghijklmnopqrstuvwxyz';
const K2 = 'second-secret-0123456789abcdefghijklmnopqrstuvwxy';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'coffer-crypto-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Flip one bit of the decoded byte at `index` of the given envelope part (2 = iv, 3 = ciphertext+tag). */
function flip(envelope: string, part: 2 | 3, index: number): string {
  const parts = envelope.split('.');
  const buf = Buffer.from(parts[part] as string, 'base64url');
  buf[index] = (buf[index] as number) ^ 0x01;
  parts[part] = buf.toString('base64url');
  return parts.join('.');
}

describe('Cipher (AES-256-GCM, HKDF-SHA256)', () => {
  const c = new Cipher(K1);

  it('round-trips text, including empty and multi-byte values', () => {
    for (const v of ['sk-live-123', '', 'ünïcødé ✓ 🔑', 'x'.repeat(100_000)]) {
      const env = c.encrypt(v, 'row-1');
      expect(c.decrypt(env, 'row-1').reveal()).toBe(v);
    }
    expect(c.encrypt(new SecretValue('wrapped'), 'a')).toMatch(/^v1\./);
  });

  it('writes a documented v1 envelope: version, key id, 96-bit IV, ciphertext + 128-bit tag', () => {
    const env = c.encrypt('hello', 'aad');
    expect(env).toMatch(/^v1\.[0-9a-f]{8}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    const p = parseEnvelope(env);
    expect(p.keyId).toBe(c.keyId);
    expect(p.iv).toHaveLength(12);
    expect(p.ciphertext).toHaveLength(5 + 16);
    expect(env).not.toContain('hello');
  });

  it('uses a random IV: two encryptions of the same value differ', () => {
    const a = c.encrypt('same', 'aad');
    const b = c.encrypt('same', 'aad');
    expect(a).not.toBe(b);
    expect(parseEnvelope(a).iv.equals(parseEnvelope(b).iv)).toBe(false);
  });

  it('detects tampering with the ciphertext, the tag, the IV and the header', () => {
    const env = c.encrypt('value', 'aad');
    const n = parseEnvelope(env).ciphertext.length;
    expect(() => c.decrypt(flip(env, 3, 0), 'aad')).toThrow(DecryptError);
    expect(() => c.decrypt(flip(env, 3, n - 1), 'aad')).toThrow(DecryptError);
    expect(() => c.decrypt(flip(env, 2, 5), 'aad')).toThrow(DecryptError);
    expect(() => c.decrypt(env.replace(/^v1/, 'v2'), 'aad')).toThrow(DecryptError);
    expect(() => c.decrypt('garbage', 'aad')).toThrow(DecryptError);
    expect(() => c.decrypt(env.slice(0, -4), 'aad')).toThrow(DecryptError);
  });

  it('binds the ciphertext to its row: another AAD fails', () => {
    const env = c.encrypt('value', 'secret\nid-1\norganization\nacme\nA');
    expect(() => c.decrypt(env, 'secret\nid-2\norganization\nacme\nA')).toThrow(DecryptError);
    expect(() => c.decrypt(env, '')).toThrow(DecryptError);
  });

  it('a different secret cannot decrypt, even with the key id forged', () => {
    const other = new Cipher(K2);
    expect(other.keyId).not.toBe(c.keyId);
    const env = c.encrypt('value', 'aad');
    expect(() => other.decrypt(env, 'aad')).toThrow(DecryptError);
    const forged = env.replace(`.${c.keyId}.`, `.${other.keyId}.`);
    expect(() => other.decrypt(forged, 'aad')).toThrow(/failed authentication/);
  });

  it('error messages never contain the plaintext', () => {
    const env = c.encrypt('PLAINTEXT-MARKER', 'aad');
    try {
      c.decrypt(env, 'other');
      expect.unreachable();
    } catch (err) {
      expect(String(err)).not.toContain('PLAINTEXT-MARKER');
      expect(inspect(err)).not.toContain('PLAINTEXT-MARKER');
    }
  });

  it('refuses secrets shorter than 32 characters', () => {
    expect(() => new Cipher('x'.repeat(31))).toThrow(EncryptionSecretError);
    expect(() => new Cipher('x'.repeat(31), 'COFFER_ENCRYPTION_SECRET')).toThrow(
      /COFFER_ENCRYPTION_SECRET must be at least 32 characters/,
    );
    expect(() => new Cipher('x'.repeat(32))).not.toThrow();
  });
});

describe('Keyring', () => {
  it('decrypts with the key that wrote the envelope and re-encrypts with the current one', () => {
    const old = new Keyring(new Cipher(K1));
    const env = old.encrypt('v', 'aad');
    const ring = Keyring.fromSecrets(K2, K1);
    expect(ring.needsReencrypt(env)).toBe(true);
    expect(ring.decrypt(env, 'aad').reveal()).toBe('v');
    const fresh = ring.reencrypt(env, 'aad');
    expect(ring.needsReencrypt(fresh)).toBe(false);
    expect(Keyring.fromSecrets(K2).decrypt(fresh, 'aad').reveal()).toBe('v');
    expect(() => old.decrypt(fresh, 'aad')).toThrow(DecryptError);
  });

  it('ignores a previous secret equal to the current one', () => {
    expect(Keyring.fromSecrets(K1, K1).previous).toBeNull();
  });
});

describe('SecretValue', () => {
  it('never prints its value', () => {
    const v = new SecretValue('hunter2-secret');
    expect(`${v}`).toBe('[redacted]');
    expect(JSON.stringify({ v })).toBe('{"v":"[redacted]"}');
    expect(inspect(v)).not.toContain('hunter2');
    expect(inspect({ deep: { v } })).not.toContain('hunter2');
    expect(v.reveal()).toBe('hunter2-secret');
  });
});

describe('encryption secret file', () => {
  it('is generated on first start with mode 0600 and reused afterwards', () => {
    const dir = join(tempDir(), 'data');
    const a = loadEncryptionSecret(dir);
    expect(a.source).toBe('generated');
    expect(a.secret.length).toBeGreaterThanOrEqual(32);
    const path = join(dir, 'encryption.secret');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(readFileSync(path, 'utf8').trim()).toBe(a.secret);
    const b = loadEncryptionSecret(dir);
    expect(b).toMatchObject({ source: 'file', secret: a.secret });
  });

  it('prefers COFFER_ENCRYPTION_SECRET and refuses a short one', () => {
    const dir = tempDir();
    expect(loadEncryptionSecret(dir, K1)).toEqual({ secret: K1, source: 'env' });
    expect(() => loadEncryptionSecret(dir, 'too-short')).toThrow(
      /COFFER_ENCRYPTION_SECRET must be at least 32 characters/,
    );
  });

  it('refuses a secret file readable by others', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'encryption.secret'), `${K1}\n`, { mode: 0o644 });
    expect(() => loadEncryptionSecret(dir)).toThrow(/chmod 600/);
  });
});
