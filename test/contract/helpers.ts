import { Coffer, type CofferOptions } from '@coffer/sdk';
import { inject } from 'vitest';

export const target = inject('cofferTarget');
/** The target keeps state (a real server behind Prism's proxy), so reads can be checked against writes. */
export const stateful = target !== 'prism-mock' && target !== 'steady-mock';
/** A mock server (Prism or Steady): answers the spec's examples and keeps no state. */
export const mock = !stateful;
/** The real server keeps the suite's values in a Vault dev server (project contract-server-vault). */
export const onVault = target === 'prism-proxy-vault';
/** The secrets-manager configuration the target runs on, when a test must put it back. */
export const suiteSecretsManager = onVault ? inject('cofferSecretsManager') : null;
const baseUrl = inject('cofferBaseUrl');
const apiKey = inject('cofferApiKey');

/** A client on the suite's target. No retries: a contract failure should show at once. */
export function client(options: CofferOptions = {}): Coffer {
  return new Coffer({ baseUrl, apiKey, maxRetries: 0, timeoutMs: 15_000, ...options });
}

/** A request outside the SDK (unknown routes, other keys), authenticated with the suite's key by default. */
export function rawFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has('authorization')) headers.set('authorization', `Bearer ${apiKey}`);
  return fetch(`${baseUrl}${path}`, { ...init, headers, signal: AbortSignal.timeout(15_000) });
}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** A unique-enough suffix so a run against a real server does not collide with an earlier one. */
export function uniq(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`.toUpperCase();
}
