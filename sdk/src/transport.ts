// A lean fetch for openapi-fetch: undici's `Dispatcher.request` (keep-alive Agent) instead of undici's
// WHATWG `fetch`, which costs several times more CPU per call (Request cloning, web streams, webidl).
// openapi-fetch only needs `new Request(url, init)` to carry url/method/headers/body/signal to our fetch,
// and a response it can read `status`, `ok`, `headers.get()` and the body text from. Both stay plain
// objects here; a real WHATWG `Response` is built only if the caller asks for it (`withResponse()`).
import type { Dispatcher } from 'undici';

/** The minimal `Request` that openapi-fetch builds (`new Request(url, init)`) and hands to our fetch. */
export class LiteRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: string | null;
  /** An AbortSignal, or core.ts's Deadline (EventEmitter-like, which undici also accepts). */
  readonly signal: AbortSignal | null;

  constructor(
    url: string,
    init: {
      method?: string;
      cofferHeaders?: Record<string, string>;
      body?: unknown;
      signal?: AbortSignal | null;
    },
  ) {
    this.url = url;
    this.method = init.method ?? 'GET';
    const headers = init.cofferHeaders ?? {};
    this.body = init.body === undefined || init.body === null ? null : (init.body as string);
    if (this.body !== null && headers['content-type'] === undefined)
      headers['content-type'] = 'application/json';
    this.headers = headers;
    this.signal = init.signal ?? null;
  }
}

type RawHeaderMap = Record<string, string | string[] | undefined>;

/** `get`/`has` over undici's parsed (lower-cased) header object; `toHeaders()` for a real `Headers`. */
export class LiteHeaders {
  readonly #raw: RawHeaderMap;

  constructor(raw: RawHeaderMap) {
    this.#raw = raw;
  }

  get(name: string): string | null {
    const v = this.#raw[name.toLowerCase()];
    return v === undefined ? null : typeof v === 'string' ? v : v.join(', ');
  }

  has(name: string): boolean {
    return this.#raw[name.toLowerCase()] !== undefined;
  }

  toHeaders(): Headers {
    const h = new Headers();
    for (const k in this.#raw) {
      const v = this.#raw[k];
      if (v === undefined) continue;
      if (typeof v === 'string') h.append(k, v);
      else for (const x of v) h.append(k, x);
    }
    return h;
  }
}

/** Statuses whose WHATWG Response must have a null body. */
const NULL_BODY = new Set([204, 205, 304]);

/** What our fetch returns to openapi-fetch: the body already read into a string. */
export class LiteResponse {
  readonly status: number;
  readonly ok: boolean;
  readonly headers: LiteHeaders;
  readonly url: string;
  readonly #text: string;

  constructor(status: number, headers: LiteHeaders, text: string, url: string) {
    this.status = status;
    this.ok = status >= 200 && status < 300;
    this.headers = headers;
    this.#text = text;
    this.url = url;
  }

  text(): Promise<string> {
    return Promise.resolve(this.#text);
  }

  json(): Promise<unknown> {
    try {
      return Promise.resolve(JSON.parse(this.#text));
    } catch (e) {
      return Promise.reject(e);
    }
  }

  /** A real WHATWG `Response` with the same status, headers, url and (unread) body. */
  toResponse(): Response {
    const status = this.status < 200 || this.status > 599 ? 502 : this.status;
    const res = new Response(NULL_BODY.has(status) ? null : this.#text, {
      status,
      headers: this.headers.toHeaders(),
    });
    Object.defineProperty(res, 'url', { value: this.url });
    return res;
  }
}

type Abortable = {
  aborted?: boolean;
  reason?: unknown;
  addEventListener?: (type: 'abort', fn: () => void, opts?: { once: boolean }) => void;
  removeEventListener?: (type: 'abort', fn: () => void) => void;
  on?: (type: 'abort', fn: () => void) => void;
  removeListener?: (type: 'abort', fn: () => void) => void;
};

interface DispatchController {
  abort(reason: unknown): void;
}

/**
 * Collects one response through undici's handler interface (`Dispatcher.dispatch`): no Readable stream
 * per response, the chunks are joined once at the end.
 */
class CollectHandler {
  readonly #resolve: (res: LiteResponse) => void;
  readonly #reject: (err: unknown) => void;
  readonly #url: string;
  readonly #signal: Abortable | null;
  #controller: DispatchController | null = null;
  #aborted: unknown;
  #status = 0;
  #headers: RawHeaderMap = {};
  #chunks: Buffer[] = [];
  #done = false;

  constructor(
    url: string,
    signal: Abortable | null,
    resolve: (r: LiteResponse) => void,
    reject: (e: unknown) => void,
  ) {
    this.#url = url;
    this.#resolve = resolve;
    this.#reject = reject;
    this.#signal = signal;
    if (signal) {
      if (signal.addEventListener) signal.addEventListener('abort', this.#onAbort, { once: true });
      else signal.on?.('abort', this.#onAbort);
    }
  }

  readonly #onAbort = (): void => {
    this.#aborted = this.#signal?.reason ?? new Error('aborted');
    this.#controller?.abort(this.#aborted);
  };

  #cleanup(): void {
    this.#done = true;
    const s = this.#signal;
    if (s) {
      if (s.removeEventListener) s.removeEventListener('abort', this.#onAbort);
      else s.removeListener?.('abort', this.#onAbort);
    }
  }

  onRequestStart(controller: DispatchController): void {
    this.#controller = controller;
    if (this.#aborted !== undefined) controller.abort(this.#aborted);
  }

  onResponseStart(_c: unknown, statusCode: number, headers: RawHeaderMap): void {
    if (statusCode < 200) return; // 1xx informational: wait for the final response
    this.#status = statusCode;
    this.#headers = headers;
  }

  onResponseData(_c: unknown, chunk: Buffer): void {
    this.#chunks.push(chunk);
  }

  onResponseEnd(): void {
    if (this.#done) return;
    this.#cleanup();
    const c = this.#chunks;
    const text =
      c.length === 0
        ? ''
        : c.length === 1
          ? (c[0] as Buffer).toString('utf8')
          : Buffer.concat(c).toString('utf8');
    this.#resolve(new LiteResponse(this.#status, new LiteHeaders(this.#headers), text, this.#url));
  }

  onResponseError(_c: unknown, err: unknown): void {
    if (this.#done) return;
    this.#cleanup();
    this.#reject(this.#aborted !== undefined ? this.#aborted : err);
  }
}

/**
 * The fetch given to openapi-fetch (whose baseUrl is then '' so that it hands us `/v1/...` paths; this
 * keeps its per-call string work small). Resolves once the whole body is in, so the per-attempt timeout
 * covers the exchange and the socket returns to the pool at once.
 */
export function createDispatcherFetch(dispatcher: Dispatcher, baseUrl: string) {
  const base = new URL(baseUrl);
  const origin = base.origin;
  const prefix = base.pathname.replace(/\/+$/, '');
  return function dispatcherFetch(req: LiteRequest): Promise<LiteResponse> {
    let reqOrigin = origin;
    let path: string;
    if (req.url.charCodeAt(0) === 47 /* / */) {
      path = prefix + req.url;
    } else {
      const u = new URL(req.url);
      reqOrigin = u.origin;
      path = `${u.pathname}${u.search}`;
    }
    const signal = req.signal as Abortable | null;
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<LiteResponse>((resolve, reject) => {
      const handler = new CollectHandler(reqOrigin + path, signal, resolve, reject);
      try {
        dispatcher.dispatch(
          {
            origin: reqOrigin,
            path,
            method: req.method as Dispatcher.HttpMethod,
            headers: req.headers,
            body: req.body,
          },
          handler as unknown as Dispatcher.DispatchHandler,
        );
      } catch (err) {
        handler.onResponseError(null, err);
      }
    });
  };
}
