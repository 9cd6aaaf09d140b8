import type { WithResponse } from './api-promise.ts';

/** One page of a list: `{ items, nextCursor }` plus the raw response. */
export class Page<T> {
  readonly items: T[];
  /** Opaque cursor of the next page; null on the last page. */
  readonly nextCursor: string | null;
  readonly response: Response;
  readonly requestId: string | undefined;
  readonly #fetch: (cursor: string) => Promise<Page<T>>;

  constructor(
    body: { items: T[]; nextCursor?: string | null },
    response: Response,
    requestId: string | undefined,
    fetch: (cursor: string) => Promise<Page<T>>,
  ) {
    this.items = body.items;
    this.nextCursor = body.nextCursor ?? null;
    this.response = response;
    this.requestId = requestId;
    this.#fetch = fetch;
  }

  hasNextPage(): boolean {
    return this.nextCursor !== null && this.nextCursor !== '';
  }

  /** Fetches the next page; throws when there is none (check `hasNextPage()`). */
  nextPage(): Promise<Page<T>> {
    if (!this.hasNextPage()) return Promise.reject(new Error('No next page: nextCursor is null'));
    return this.#fetch(this.nextCursor as string);
  }
}

/**
 * What list methods return. Iterate it to get every item across pages
 * (`for await (const s of coffer.secrets.list())`), or take pages yourself with `.page()` / `.pages()`.
 * Nothing is sent until you iterate or call `.page()`.
 */
export class PageIterable<T> implements AsyncIterable<T> {
  readonly #fetch: (
    cursor: string | undefined,
  ) => Promise<WithResponse<{ items: T[]; nextCursor?: string | null }>>;
  readonly #cursor: string | undefined;

  constructor(
    fetch: (cursor: string | undefined) => Promise<WithResponse<{ items: T[]; nextCursor?: string | null }>>,
    cursor?: string,
  ) {
    this.#fetch = fetch;
    this.#cursor = cursor;
  }

  /** The first page (or the page at the `cursor` given to `list()`). */
  page(): Promise<Page<T>> {
    return this.#load(this.#cursor);
  }

  async #load(cursor: string | undefined): Promise<Page<T>> {
    const { data, response, requestId } = await this.#fetch(cursor);
    return new Page(data, response, requestId, (next) => this.#load(next));
  }

  /** Every page in turn, following `nextCursor`. */
  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    let page = await this.page();
    yield page;
    const seen = new Set<string>();
    while (page.hasNextPage()) {
      const cursor = page.nextCursor as string;
      if (seen.has(cursor)) throw new Error(`Pagination loop: the API returned cursor ${cursor} twice`);
      seen.add(cursor);
      page = await page.nextPage();
      yield page;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.pages()) yield* page.items;
  }

  /** Collects every item (handy for small lists). */
  async toArray(): Promise<T[]> {
    const out: T[] = [];
    for await (const item of this) out.push(item);
    return out;
  }
}
