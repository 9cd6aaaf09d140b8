// The base of every resource group: the HTTP core, and the paging every list method shares.
import type { APIPromise } from '../api-promise.ts';
import type { HttpClient } from '../internal/http-client.ts';
import { PageIterable } from '../pagination.ts';

export abstract class APIResource {
  protected readonly _client: HttpClient;

  constructor(client: HttpClient) {
    this._client = client;
  }

  /** A lazy iterable over a list operation; `fetchPage(cursor)` asks for one page (the first: `params.cursor`). */
  protected _paginate<I>(
    params: { cursor?: string | undefined } | undefined,
    fetchPage: (cursor: string | undefined) => APIPromise<{ items: I[]; nextCursor?: string | null }>,
  ): PageIterable<I> {
    return new PageIterable<I>((cursor) => fetchPage(cursor).withResponse(), params?.cursor);
  }
}
