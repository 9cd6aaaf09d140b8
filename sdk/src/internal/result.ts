import type { WithResponse } from '../api-promise.ts';
import type { WireResponse } from './transport/wire.ts';

/** A call's result; the WHATWG Response is only built if `response` is read. */
export class CallResult<T> implements WithResponse<T> {
  readonly data: T;
  readonly requestId: string | undefined;
  readonly #wire: WireResponse;
  #response: Response | undefined;

  constructor(data: T, wire: WireResponse, requestId: string | undefined) {
    this.data = data;
    this.requestId = requestId;
    this.#wire = wire;
  }

  get response(): Response {
    this.#response ??= this.#wire.toResponse();
    return this.#response;
  }
}

/** The same result with its data transformed (the raw response stays lazy). */
export function mapResult<T, U>(r: WithResponse<T>, fn: (data: T) => U): WithResponse<U> {
  return {
    data: fn(r.data),
    requestId: r.requestId,
    get response() {
      return r.response;
    },
  };
}
