// What every method returns: a promise of the parsed body that can also give the raw response.

export interface WithResponse<T> {
  data: T;
  response: Response;
  requestId: string | undefined;
}

/** A promise of the parsed body that can also give the raw response: `await p.withResponse()`. */
export class APIPromise<T> implements Promise<T> {
  readonly [Symbol.toStringTag] = 'APIPromise';
  readonly #inner: Promise<WithResponse<T>>;

  constructor(inner: Promise<WithResponse<T>>) {
    this.#inner = inner;
  }

  /** The parsed body with the WHATWG `Response` (status, headers, a readable copy of the body) and the request id. */
  withResponse(): Promise<WithResponse<T>> {
    return this.#inner;
  }

  // biome-ignore lint/suspicious/noThenProperty: APIPromise is deliberately a thenable.
  then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    // biome-ignore lint/suspicious/noExplicitAny: Promise#then's own signature (`.catch((e) => e.status)` compiles as with any Promise).
    onrejected?: ((reason: any) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#inner.then(
      onfulfilled ? (r) => onfulfilled(r.data) : (r) => r.data as unknown as R1,
      onrejected,
    );
  }

  // biome-ignore lint/suspicious/noExplicitAny: Promise#catch's own signature.
  catch<R = never>(onrejected?: ((reason: any) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.then(undefined, onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onfinally);
  }
}
