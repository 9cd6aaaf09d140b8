import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  AWS_REGION,
  AWS_SECRET_PREFIX,
  BACKENDS,
  DATE_TIME,
  FALLBACKS,
  MAX_CACHE_TTL_SECONDS,
  MAX_EXPIRES_IN_DAYS,
  MAX_RECOVERY_WINDOW_DAYS,
  MAX_VAULT_REF_LENGTH,
  SCOPE_ID,
  SCOPE_TYPES,
  SECRET_CATEGORIES,
  SECRET_NAME,
  VAULT_AUTH_METHODS,
  VAULT_KV_VERSIONS,
  VAULT_PATH,
  VAULT_REF,
  WORKSPACE_SECRET_KEYS,
} from '../src/rules.ts';

const spec = parse(readFileSync(join(import.meta.dirname, '../../openapi/coffer.yaml'), 'utf8'));
const schemas = spec.components.schemas;

describe('naming rules', () => {
  it('are the spec’s patterns and enumerations', () => {
    expect(SECRET_NAME.source).toBe(schemas.SecretName.pattern);
    expect(SCOPE_ID.source).toBe(schemas.ScopeId.pattern);
    expect(SCOPE_TYPES).toEqual(schemas.ScopeType.enum);
    expect(SECRET_CATEGORIES).toEqual(schemas.SecretCategory.enum);
    expect(WORKSPACE_SECRET_KEYS).toEqual(schemas.WorkspaceSecretKey.enum);
    expect(BACKENDS).toEqual(schemas.Backend.enum);
    expect(FALLBACKS).toEqual(schemas.SecretsManagerConfigInput.properties.fallback.enum);
    expect(MAX_EXPIRES_IN_DAYS).toBe(schemas.WorkspaceSecretPut.properties.expiresInDays.maximum);
  });

  it('are the spec’s secrets-manager enumerations, patterns and limits', () => {
    expect(VAULT_AUTH_METHODS).toEqual(schemas.VaultAuthMethod.enum);
    expect(VAULT_KV_VERSIONS).toEqual(schemas.VaultKvVersion.enum);
    const source = (p: string) => new RegExp(p).source;
    expect(VAULT_PATH.source).toBe(source(schemas.VaultSecretPath.pattern));
    expect(VAULT_PATH.source).toBe(source(schemas.VaultSecretMetadataPath.pattern));
    expect(VAULT_PATH.source).toBe(source(schemas.VaultK8sAuth.properties.mountPoint.pattern));
    expect(VAULT_PATH.source).toBe(source(schemas.VaultAwsAuth.properties.mountPoint.pattern));
    expect(AWS_REGION.source).toBe(source(schemas.AwsSettings.properties.region.pattern));
    expect(AWS_REGION.source).toBe(source(schemas.VaultAwsAuth.properties.region.pattern));
    expect(AWS_SECRET_PREFIX.source).toBe(source(schemas.AwsSettings.properties.secretPrefix.pattern));
    const cache = schemas.SecretsManagerConfigInput.properties.cache;
    const ttl = (cache.$ref ? schemas[cache.$ref.split('/').pop()] : cache).properties.ttlSeconds;
    expect(MAX_CACHE_TTL_SECONDS).toBe(ttl.maximum);
    expect(VAULT_REF.source).toBe(source(schemas.VaultRef.pattern));
    expect(MAX_VAULT_REF_LENGTH).toBe(schemas.VaultRef.maxLength);
    const recovery = JSON.stringify(spec).match(/"recoveryWindowDays":\{[^}]*\}/)?.[0] ?? '';
    expect(JSON.parse(recovery.slice('"recoveryWindowDays":'.length)).maximum).toBe(MAX_RECOVERY_WINDOW_DAYS);
  });

  it('DATE_TIME is the shape of the spec’s date-time (RFC 3339, offset required)', () => {
    expect(JSON.stringify(schemas.SecretCreate.properties.expiresAt)).toContain('"format":"date-time"');
    for (const ok of ['2027-01-31T00:00:00Z', '2027-01-31T00:00:00.123+02:00'])
      expect(DATE_TIME.test(ok)).toBe(true);
    for (const bad of ['2027-01-31', '2027-01-31T00:00:00', '2027-01-31 00:00:00Z'])
      expect(DATE_TIME.test(bad)).toBe(false);
  });

  it('are importable alone as @coffer/sdk/rules', async () => {
    const rules = await import('@coffer/sdk/rules');
    expect(rules.WORKSPACE_SECRET_KEYS).toContain('OPENAI_API_KEY');
  });
});
