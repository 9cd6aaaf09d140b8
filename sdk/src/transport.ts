// A lean fetch for openapi-fetch: undici's `Dispatcher.request` (keep-alive Agent) instead of undici's
// WHATWG `fetch`, which costs several times more CPU per call (Request cloning, streams, webidl checks).
// openapi-fetch only needs `new Request(url, init)` to carry url/method/headers/body/signal to our fetch,
// and a `Response` it can read status, headers and the body text from; both stay cheap here.
import type { Dispatcher } from 'undici';

/** The minimal `Request` openapi-fetch builds and hands to {@link createDispatcherFetch}'s fetch. */
export class LiteRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: string | null;
  readonly signal: AbortSignal | null; // or a core.ts Deadline (EventEmitter-like)

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

/**
 * A real `Headers` that answers `get`/`has` straight from undici's parsed header object and only copies
 * the headers into itself when some other method (iteration, set, append...) is used.
 */
export class RawHeaders extends Headers {
  #raw: RawHeaderMap | null;

  constructor(raw: RawHeaderMap) {
    super();
    this.#raw = raw;
  }

  #fill(): void {
    const raw = this.#raw;
    if (raw === null) return;
    this.#raw = null;
    for (const k in raw) {
      const v = raw[k];
      if (v === undefined) continue;
      if (typeof v === 'string') super.append(k, v);
      else for (const x of v) super.append(k, x);
    }
  }

  override get(name: string): string | null {
    const raw = this.#raw;
    if (raw === null) return super.get(name);
    const v = raw[name.toLowerCase()];
    return v === undefined ? null : typeof v === 'string' ? v : v.join(', ');
  }

  override has(name: string): boolean {
    return this.#raw === null ? super.has(name) : this.#raw[name.toLowerCase()] !== undefined;
  }

  override append(name: string, value: string): void {
    this.#fill();
    super.append(name, value);
  }

  override set(name: string, value: string): void {
    this.#fill();
    super.set(name, value);
  }

  override delete(name: string): void {
    this.#fill();
    super.delete(name);
  }

  override getSetCookie(): string[] {
    this.#fill();
    return super.getSetCookie();
  }

  override forEach(cb: (value: string, key: string, parent: Headers) => void, thisArg?: unknown): void {
    this.#fill();
    super.forEach(cb, thisArg);
  }

  override entries(): HeadersIterator<[string, string]> {
    this.#fill();
    return super.entries();
  }

  override keys(): HeadersIterator<string> {
    this.#fill();
    return super.keys();
  }

  override values(): HeadersIterator<string> {
    this.#fill();
    return super.values();
  }

  override [Symbol.iterator](): HeadersIterator<[string, string]> {
    this.#fill();
    return super[Symbol.iterator]();
  }
}

/**
 * A real `Response` whose body was read up front into a string (so the per-attempt timeout covers the
 * whole exchange and the socket goes back to the pool at once). `text()` / `json()` / `arrayBuffer()`
 * read the buffered string; `headers` is a lazily filled {@link RawHeaders}.
 */
export class BufferedResponse extends Response {
  readonly #text: string;
  readonly #url: string;
  readonly #headers: Headers;
  #used = false;

  constructor(text: string, status: number, headers: Headers, url: string) {
    super(null, { status });
    this.#text = text;
    this.#url = url;
    this.#headers = headers;
  }

  override get headers(): Headers {
    return this.#headers;
  }

  override get url(): string {
    return this.#url;
  }

  override get bodyUsed(): boolean {
    return this.#used;
  }

  #take(): string {
    if (this.#used) throw new TypeError('Body is unusable: Body has already been read');
    this.#used = true;
    return this.#text;
  }

  override text(): Promise<string> {
    try {
      return Promise.resolve(this.#take());
    } catch (e) {
      return Promise.reject(e);
    }
  }

  override json(): Promise<unknown> {
    try {
      return Promise.resolve(JSON.parse(this.#take()));
    } catch (e) {
      return Promise.reject(e);
    }
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    return this.text().then((t) => new TextEncoder().encode(t).buffer as ArrayBuffer);
  }

  override clone(): Response {
    return new BufferedResponse(this.#text, this.status, new Headers(this.#headers), this.#url);
  }
}

/** Statuses for which `new Response()` refuses a body (or any init). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

export function createDispatcherFetch(dispatcher: Dispatcher, baseUrl: string) {
  const origin = new URL(baseUrl).origin;
  return async function dispatcherFetch(req: LiteRequest): Promise<Response> {
    const url = req.url;
    let reqOrigin = origin;
    let path: string;
    if (url.startsWith(origin) && url.charCodeAt(origin.length) === 47 /* / */) {
      path = url.slice(origin.length);
    } else {
      const u = new URL(url);
      reqOrigin = u.origin;
      path = `${u.pathname}${u.search}`;
    }
    const res = await dispatcher.request({
      origin: reqOrigin,
      path,
      method: req.method as Dispatcher.HttpMethod,
      headers: req.headers,
      body: req.body,
      signal: req.signal ?? undefined,
    });
    const text = await res.body.text();
    const status = res.statusCode;
    if (status < 200 || NULL_BODY.has(status)) {
      // 1xx cannot be represented; 204/304 carry no body.
      return new BufferedResponse('', status < 200 ? 502 : status, new RawHeaders(res.headers), url);
    }
    return new BufferedResponse(text, status, new RawHeaders(res.headers), url);
  };
}
