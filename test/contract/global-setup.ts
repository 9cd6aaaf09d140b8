// The contract target: `prism mock --errors` on the spec, or COFFER_CONTRACT_BASE_URL (any running API).
import type { TestProject } from 'vitest/node';
import { startPrism } from './prism.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    cofferBaseUrl: string;
    cofferApiKey: string;
    cofferTarget: 'prism-mock' | 'prism-proxy' | 'prism-proxy-vault' | 'steady-mock' | 'external';
    /** contract-server-vault: the configuration the suite runs on, to restore after a test that changes it. */
    cofferSecretsManager: Record<string, unknown>;
  }
}

export default async function setup(project: TestProject) {
  project.provide('cofferApiKey', process.env.COFFER_CONTRACT_API_KEY ?? 'cof_contract_0123456789abcdef');
  const external = process.env.COFFER_CONTRACT_BASE_URL;
  if (external) {
    project.provide('cofferBaseUrl', external.replace(/\/+$/, ''));
    project.provide('cofferTarget', 'external');
    return;
  }
  const prism = await startPrism();
  project.provide('cofferBaseUrl', prism.url);
  project.provide('cofferTarget', 'prism-mock');
  return prism.stop;
}
