// The end of one attempt: its timeout, or the caller's AbortSignal, whichever comes first.

const TIMEOUT_ERROR = Object.freeze(new Error('coffer: request timed out'));

/**
 * A per-attempt abort source: a plain timer plus, when given, a listener on the caller's signal. It has a
 * single listener slot (the transport's) instead of being an AbortController + AbortSignal per attempt,
 * whose event-target machinery costs more than the rest of the SDK's per-request work.
 */
export class Deadline {
  /** True once the timeout (not the caller) ended the attempt. */
  timedOut = false;
  reason: Error | undefined;
  #listener: ((reason: Error) => void) | null = null;
  readonly #timer: NodeJS.Timeout | undefined;
  readonly #signal: AbortSignal | undefined;
  readonly #onSignal: (() => void) | undefined;

  constructor(timeoutMs: number, signal: AbortSignal | undefined) {
    if (timeoutMs > 0) {
      this.#timer = setTimeout(() => {
        this.timedOut = true;
        this.#fire(TIMEOUT_ERROR);
      }, timeoutMs);
    }
    if (signal) {
      this.#signal = signal;
      this.#onSignal = () => this.#fire(signal.reason);
      signal.addEventListener('abort', this.#onSignal, { once: true });
    }
  }

  get aborted(): boolean {
    return this.reason !== undefined;
  }

  /** Sets the one function called when the attempt must end (the transport's abort). */
  listen(listener: (reason: Error) => void): void {
    this.#listener = listener;
  }

  /** A real AbortSignal that follows this deadline, for transports that need one (fetch). */
  toSignal(): AbortSignal {
    const controller = new AbortController();
    if (this.aborted) controller.abort(this.reason);
    else this.listen((reason) => controller.abort(reason));
    return controller.signal;
  }

  /** Stops the timer and the caller-signal listener; the attempt is over. */
  clear(): void {
    clearTimeout(this.#timer);
    if (this.#onSignal) this.#signal?.removeEventListener('abort', this.#onSignal);
    this.#listener = null;
  }

  #fire(reason: Error): void {
    if (this.reason !== undefined) return;
    this.reason = reason;
    const l = this.#listener;
    this.#listener = null;
    l?.(reason);
  }
}
