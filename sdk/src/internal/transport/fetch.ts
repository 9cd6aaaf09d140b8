// The transport for a caller-supplied `fetch` (tests, edge runtimes): a WHATWG Request in, the body read out.
import type { Deadline } from '../deadline.ts';
import { type HeaderReader, type Transport, type WireRequest, WireResponse } from './wire.ts';

class FetchHeaders implements HeaderReader {
  readonly #headers: Headers;

  constructor(headers: Headers) {
    this.#headers = headers;
  }

  get(name: string): string | null {
    return this.#headers.get(name);
  }

  toHeaders(): Headers {
    return new Headers(this.#headers);
  }
}

export class FetchTransport implements Transport {
  readonly #fetch: (input: Request) => Promise<Response>;
  readonly #origin: string;

  constructor(fetch: (input: Request) => Promise<Response>, origin: string) {
    this.#fetch = fetch;
    this.#origin = origin;
  }

  async send(req: WireRequest, deadline: Deadline | null): Promise<WireResponse> {
    const url = this.#origin + req.target;
    const request = new Request(url, {
      method: req.method,
      headers: req.headers,
      body: req.body,
      signal: deadline ? deadline.toSignal() : null,
    });
    const res = await this.#fetch(request);
    const text = await res.text();
    return new WireResponse(res.status, new FetchHeaders(res.headers), text, res.url || url);
  }

  async close(): Promise<void> {}
}
