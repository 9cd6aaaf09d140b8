import { Coffer } from '@coffer/sdk';
import { inject } from 'vitest';

export const target = inject('cofferTarget');

/** A client on the suite's target (Prism mock, or COFFER_CONTRACT_BASE_URL). No retries: a contract failure should show at once. */
export function client(): Coffer {
  return new Coffer({ baseUrl: inject('cofferBaseUrl'), apiKey: inject('cofferApiKey'), maxRetries: 0, timeoutMs: 15_000 });
}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** A unique-enough suffix so a run against a real server does not collide with an earlier one. */
export function uniq(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`.toUpperCase();
}
