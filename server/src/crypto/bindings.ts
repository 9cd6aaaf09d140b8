/**
 * What each envelope is bound to (its AAD), by purpose: a ciphertext moved to another row, or used for
 * another purpose, fails authentication. Every encryption the store does goes through one of these.
 */
import { createHmac, type KeyObject } from 'node:crypto';
import type { Keyring } from './cipher.ts';
import type { SecretValue } from './secret-value.ts';

export type Envelope = string;

export interface SecretRow {
  id: string;
  scopeType: string;
  scopeId: string;
  name: string;
}

export interface StoreCrypto {
  encryptSecretValue(plaintext: string | SecretValue, row: SecretRow): Envelope;
  decryptSecretValue(envelope: Envelope, row: SecretRow): SecretValue;
  encryptWorkspaceValue(plaintext: string | SecretValue, row: { workspaceId: string; key: string }): Envelope;
  decryptWorkspaceValue(envelope: Envelope, row: { workspaceId: string; key: string }): SecretValue;
  encryptConfigToken(plaintext: string | SecretValue): Envelope;
  decryptConfigToken(envelope: Envelope): SecretValue;
  /** A stored answer to an idempotent request, bound to the principal and its Idempotency-Key. */
  encryptIdempotentAnswer(plaintext: string, row: { principalId: string; key: string }): Envelope;
  decryptIdempotentAnswer(envelope: Envelope, row: { principalId: string; key: string }): SecretValue;
  /** A keyed MAC of a request (`m1.<hex>`): comparable, but no dictionary recovers a value from it. */
  requestFingerprint(canonicalRequest: string): string;
}

export const AAD = {
  secret: (r: SecretRow) => `secret\n${r.id.toLowerCase()}\n${r.scopeType}\n${r.scopeId}\n${r.name}`,
  workspaceSecret: (r: { workspaceId: string; key: string }) =>
    `workspace-secret\n${r.workspaceId}\n${r.key}`,
  configToken: () => 'secrets-manager/vault-token',
  canary: () => 'canary',
  idempotencyMacKey: () => 'idempotency/mac-key',
  idempotentAnswer: (r: { principalId: string; key: string }) =>
    `idempotent-answer\n${r.principalId}\n${r.key}`,
};

/**
 * `macKey`: the random key that fingerprints idempotent requests (kept in `meta` as an envelope, so it
 * survives key rotation while only a holder of the encryption secret can compute a fingerprint).
 */
export function makeStoreCrypto(keyring: Keyring, macKey: KeyObject): StoreCrypto {
  return {
    encryptIdempotentAnswer: (p, r) => keyring.encrypt(p, AAD.idempotentAnswer(r)),
    decryptIdempotentAnswer: (e, r) => keyring.decrypt(e, AAD.idempotentAnswer(r)),
    requestFingerprint: (text) => `m1.${createHmac('sha256', macKey).update(text, 'utf8').digest('hex')}`,
    encryptSecretValue: (p, row) => keyring.encrypt(p, AAD.secret(row)),
    decryptSecretValue: (e, row) => keyring.decrypt(e, AAD.secret(row)),
    encryptWorkspaceValue: (p, row) => keyring.encrypt(p, AAD.workspaceSecret(row)),
    decryptWorkspaceValue: (e, row) => keyring.decrypt(e, AAD.workspaceSecret(row)),
    encryptConfigToken: (p) => keyring.encrypt(p, AAD.configToken()),
    decryptConfigToken: (e) => keyring.decrypt(e, AAD.configToken()),
  };
}
