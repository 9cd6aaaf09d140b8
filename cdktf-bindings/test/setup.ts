// Registers CDKTF's own Jest matchers (toHaveResourceWithProperties, toHaveProvider, ...) with vitest's
// `expect`, which is Jest-compatible (extend, objectContaining, arrayContaining).
import { Testing } from 'cdktf';
import { expect } from 'vitest';

(globalThis as { expect?: unknown }).expect = expect;
Testing.setupJest();

interface CdktfMatchers<R = unknown> {
  toHaveResource(resourceType: { tfResourceType: string }): R;
  toHaveResourceWithProperties(
    resourceType: { tfResourceType: string },
    properties: Record<string, unknown>,
  ): R;
  toHaveDataSource(dataSourceType: { tfResourceType: string }): R;
  toHaveProvider(providerType: { tfResourceType: string }): R;
  toHaveProviderWithProperties(
    providerType: { tfResourceType: string },
    properties: Record<string, unknown>,
  ): R;
  toBeValidTerraform(): R;
}

declare module 'vitest' {
  // biome-ignore lint/suspicious/noExplicitAny: must repeat vitest's own declaration of Matchers
  interface Matchers<T = any> extends CdktfMatchers<T> {}
}
