import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
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
  });

  it('are importable alone as @coffer/sdk/rules', async () => {
    const rules = await import('@coffer/sdk/rules');
    expect(rules.WORKSPACE_SECRET_KEYS).toContain('OPENAI_API_KEY');
  });
});
