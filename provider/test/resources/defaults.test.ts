// Optional settings with a server default return to it when the configuration drops them: the provider
// plans the default the API documents. Each default declared in the schema is the one in the spec.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { conform } from '../../src/framework/conform.ts';
import { plan } from '../../src/framework/plan.ts';
import type { Attribute, Attributes } from '../../src/framework/schema.ts';
import { secretsManagerResource } from '../../src/resources/secrets-manager.ts';

const spec = parse(readFileSync(join(import.meta.dirname, '../../../openapi/coffer.yaml'), 'utf8'));
const schemas = spec.components.schemas;
const attrs = secretsManagerResource.schema.attributes;

function attribute(path: string): Attribute {
  let at: Attributes = attrs;
  let a: Attribute | undefined;
  for (const name of path.split('.')) {
    a = at[name];
    if (!a) throw new Error(`no attribute ${path}`);
    at = a.nested?.attributes ?? {};
  }
  return a as Attribute;
}

describe('coffer_secrets_manager defaults', () => {
  it.each([
    ['cache_ttl_seconds', schemas.CacheSettings.properties.ttlSeconds.default],
    ['fallback', schemas.SecretsManagerConfigInput.properties.fallback.default],
    ['vault.kv_version', schemas.VaultKvVersion.default],
    ['vault.k8s.mount_point', schemas.VaultK8sAuth.properties.mountPoint.default],
    ['vault.k8s.token_path', schemas.VaultK8sAuth.properties.tokenPath.default],
    ['vault.aws.mount_point', schemas.VaultAwsAuth.properties.mountPoint.default],
    ['vault.aws.region', schemas.VaultAwsAuth.properties.region.default],
  ])('%s defaults to the spec default (%s)', (path, expected) => {
    expect(expected).toBeDefined();
    expect(attribute(path).default).toBe(expected);
  });

  it('plans the default when a setting is removed from the configuration', () => {
    const prior = conform(
      attrs,
      {
        id: 'secrets-manager',
        backend: 'DB',
        cache_ttl_seconds: 60,
        fallback: 'ENV',
        effective_backend: 'DB',
      },
      true,
    );
    const config = conform(attrs, { backend: 'DB' }, false);
    // The CLI proposes the prior value for optional + computed attributes the configuration leaves null.
    const r = plan({ attributes: attrs, prior, proposed: { ...config, ...prior, backend: 'DB' }, config });
    expect(r.planned.cache_ttl_seconds).toBe(300);
    expect(r.planned.fallback).toBe('NONE');
    expect(r.changed).toBe(true);
  });

  it('keeps a configured value, and plans no change once the default is in place', () => {
    const prior = conform(
      attrs,
      { id: 'secrets-manager', backend: 'DB', cache_ttl_seconds: 300, fallback: 'NONE' },
      true,
    );
    const config = conform(attrs, { backend: 'DB' }, false);
    const r = plan({ attributes: attrs, prior, proposed: { ...config, ...prior }, config });
    expect(r.changed).toBe(false);
    const set = conform(attrs, { backend: 'DB', cache_ttl_seconds: 60 }, false);
    expect(
      plan({ attributes: attrs, prior, proposed: { ...prior, ...set }, config: set }).planned
        .cache_ttl_seconds,
    ).toBe(60);
  });
});
