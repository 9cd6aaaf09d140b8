// What a transport sends and gets back: one HTTP exchange, the body already read.
import type { HttpMethod } from '../../options.ts';
import type { Deadline } from '../deadline.ts';

export interface WireRequest {
  method: HttpMethod;
  /** Origin-relative target: the base URL's path prefix, the filled-in path and the query. */
  target: string;
  headers: Record<string, string>;
  body: string | null;
}

/** Header lookup over a transport's own representation; `toHeaders()` copies into a WHATWG `Headers`. */
export interface HeaderReader {
  get(name: string): string | null;
  toHeaders(): Headers;
}

/** Statuses whose WHATWG Response must have a null body. */
const NULL_BODY = new Set([204, 205, 304]);

/** A response read to the end. A WHATWG `Response` is built only on request (`toResponse`). */
export class WireResponse {
  readonly status: number;
  readonly ok: boolean;
  readonly headers: HeaderReader;
  readonly text: string;
  readonly url: string;

  constructor(status: number, headers: HeaderReader, text: string, url: string) {
    this.status = status;
    this.ok = status >= 200 && status < 300;
    this.headers = headers;
    this.text = text;
    this.url = url;
  }

  /** A WHATWG `Response` with the same status, headers, url and a still-unread body. */
  toResponse(): Response {
    const status = this.status < 200 || this.status > 599 ? 502 : this.status;
    const res = new Response(NULL_BODY.has(status) ? null : this.text, {
      status,
      headers: this.headers.toHeaders(),
    });
    Object.defineProperty(res, 'url', { value: this.url });
    return res;
  }
}

export interface Transport {
  /** Sends one request; resolves once the whole body is in, rejects on a socket error or the deadline. */
  send(request: WireRequest, deadline: Deadline | null): Promise<WireResponse>;
  close(): Promise<void>;
}
