// The configured API client as resources see it. The SDK module itself is loaded when the provider is
// configured (not at start-up: processes OpenTofu starts only to validate never pay for it), and resources
// reach its classes through `lib`. Provider settings that are unknown while planning (they depend on
// resources not created yet) leave no client: the first call then explains why.
import type { Coffer } from '@coffer/sdk';
import { DiagnosticsError, error } from '../framework/index.ts';

export type SdkModule = typeof import('@coffer/sdk');

export class CofferClient {
  readonly baseUrl: string;
  readonly lib: SdkModule;
  readonly #sdk: Coffer | undefined;
  readonly #why: string;

  constructor(lib: SdkModule, baseUrl: string, sdk: Coffer | undefined, why = '') {
    this.lib = lib;
    this.baseUrl = baseUrl;
    this.#sdk = sdk;
    this.#why = why;
  }

  get sdk(): Coffer {
    if (this.#sdk) return this.#sdk;
    throw new DiagnosticsError(error('Provider configuration not known yet', this.#why));
  }

  /** Whether `e` is the SDK's error for this HTTP status (404 → NotFoundError, 409 → ConflictError). */
  isStatus(e: unknown, status: number): boolean {
    return e instanceof this.lib.APIError && e.status === status;
  }

  async close(): Promise<void> {
    await this.#sdk?.close();
  }
}
