// The default transport: undici's `Dispatcher.dispatch` (keep-alive Agent) with a handler that collects the
// body into one string. No Readable stream per response, no WHATWG Request/Response unless asked for: undici's
// own `fetch` costs several times more CPU per call (Request cloning, web streams, webidl).
import type { Dispatcher } from 'undici';
import type { Deadline } from '../deadline.ts';
import { type HeaderReader, type Transport, type WireRequest, WireResponse } from './wire.ts';

type RawHeaderMap = Record<string, string | string[] | undefined>;

/** `get` over undici's parsed (lower-cased) header object; `toHeaders()` for a real `Headers`. */
class RawHeaders implements HeaderReader {
  readonly #raw: RawHeaderMap;

  constructor(raw: RawHeaderMap) {
    this.#raw = raw;
  }

  get(name: string): string | null {
    const v = this.#raw[name.toLowerCase()];
    return v === undefined ? null : typeof v === 'string' ? v : v.join(', ');
  }

  toHeaders(): Headers {
    const h = new Headers();
    for (const [k, v] of Object.entries(this.#raw)) {
      if (v === undefined) continue;
      if (typeof v === 'string') h.append(k, v);
      else for (const x of v) h.append(k, x);
    }
    return h;
  }
}

/** Collects one response through undici's handler interface. */
class CollectHandler implements Dispatcher.DispatchHandler {
  readonly #resolve: (res: WireResponse) => void;
  readonly #reject: (err: unknown) => void;
  readonly #url: string;
  readonly #deadline: Deadline | null;
  #controller: Dispatcher.DispatchController | null = null;
  #status = 0;
  #headers: RawHeaderMap = {};
  #chunks: Buffer[] = [];
  #done = false;

  constructor(
    url: string,
    deadline: Deadline | null,
    resolve: (r: WireResponse) => void,
    reject: (e: unknown) => void,
  ) {
    this.#url = url;
    this.#resolve = resolve;
    this.#reject = reject;
    this.#deadline = deadline;
    deadline?.listen((reason) => this.#controller?.abort(reason));
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.#controller = controller;
    if (this.#deadline?.reason) controller.abort(this.#deadline.reason);
  }

  onResponseStart(
    _controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: Record<string, string | string[] | undefined>,
  ): void {
    if (statusCode < 200) return; // 1xx informational: wait for the final response
    this.#status = statusCode;
    this.#headers = headers;
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.#chunks.push(chunk);
  }

  onResponseEnd(): void {
    if (this.#done) return;
    this.#done = true;
    const c = this.#chunks;
    const text =
      c.length === 0
        ? ''
        : c.length === 1
          ? (c[0] as Buffer).toString('utf8')
          : Buffer.concat(c).toString('utf8');
    this.#resolve(new WireResponse(this.#status, new RawHeaders(this.#headers), text, this.#url));
  }

  onResponseError(_controller: Dispatcher.DispatchController | null, err: Error): void {
    if (this.#done) return;
    this.#done = true;
    this.#reject(this.#deadline?.aborted ? this.#deadline.reason : err);
  }
}

export class DispatcherTransport implements Transport {
  readonly #dispatcher: Dispatcher;
  readonly #owned: boolean;
  readonly #origin: string;

  /** `owned`: the SDK created the dispatcher and closes it on `close()`. */
  constructor(dispatcher: Dispatcher, origin: string, owned: boolean) {
    this.#dispatcher = dispatcher;
    this.#origin = origin;
    this.#owned = owned;
  }

  send(req: WireRequest, deadline: Deadline | null): Promise<WireResponse> {
    return new Promise<WireResponse>((resolve, reject) => {
      const handler = new CollectHandler(this.#origin + req.target, deadline, resolve, reject);
      try {
        this.#dispatcher.dispatch(
          {
            origin: this.#origin,
            path: req.target,
            method: req.method,
            headers: req.headers,
            body: req.body,
          },
          handler,
        );
      } catch (err) {
        handler.onResponseError(null, err as Error);
      }
    });
  }

  async close(): Promise<void> {
    if (this.#owned) await this.#dispatcher.close();
  }
}
