// The configured API client as resources see it. Provider settings that are unknown while planning (they
// depend on resources not created yet) leave no client: the first call then explains why.
import type { Coffer } from '@coffer/sdk';
import { DiagnosticsError, error } from '../framework/index.ts';

export class CofferClient {
  readonly baseUrl: string;
  readonly #sdk: Coffer | undefined;
  readonly #why: string;

  constructor(baseUrl: string, sdk: Coffer | undefined, why = '') {
    this.baseUrl = baseUrl;
    this.#sdk = sdk;
    this.#why = why;
  }

  get sdk(): Coffer {
    if (this.#sdk) return this.#sdk;
    throw new DiagnosticsError(error('Provider configuration not known yet', this.#why));
  }

  async close(): Promise<void> {
    await this.#sdk?.close();
  }
}
