import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  BACKENDS,
  DATE_TIME,
  FALLBACKS,
  MAX_EXPIRES_IN_DAYS,
  SCOPE_ID,
  SCOPE_TYPES,
  SECRET_CATEGORIES,
  SECRET_NAME,
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
