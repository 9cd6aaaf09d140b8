// The exit codes `coffer` documents (README, "Exit codes"): scripts branch on them, so they never change
// meaning. `coffer run` exits with its child's code instead, once the child has started.
export const EXIT = {
  ok: 0,
  /** Anything not listed below (a bug, an unexpected answer). */
  failure: 1,
  /** Bad usage or input: unknown flag, invalid name or scope, a value on the command line, a 400/422. */
  usage: 2,
  /** No API key configured, or the server refused it (401). */
  auth: 3,
  /** The key is valid but its role or scope does not allow this (403). */
  permission: 4,
  /** The secret, override or key does not exist (404). */
  notFound: 5,
  /** It exists already, or changed since it was read (409, 412). */
  conflict: 6,
  /** The server could not be reached (refused, timed out, DNS). */
  unreachable: 7,
  /** Rate limited (429) after the SDK's retries. */
  rateLimited: 8,
  /** The server failed (5xx). */
  server: 9,
  /** The answer was negative: names that resolve nowhere, a secrets-manager check that failed. */
  negative: 10,
  /** Ctrl-C at a hidden prompt (128 + SIGINT, as a shell reports an interrupted command). */
  aborted: 130,
  /** `coffer run`: the command could not be executed (found but not executable). */
  cannotExecute: 126,
  /** `coffer run`: the command was not found. */
  commandNotFound: 127,
} as const;

/** An error written for the person at the terminal: `message`, then `hint` on its own line. */
export class CliError extends Error {
  override name = 'CliError';
  readonly exitCode: number;
  readonly hint: string | undefined;
  readonly requestId: string | undefined;
  readonly status: number | undefined;
  readonly kind: string;

  constructor(
    exitCode: number,
    message: string,
    extra: { hint?: string; requestId?: string; status?: number; kind?: string } = {},
  ) {
    super(message);
    this.exitCode = exitCode;
    this.hint = extra.hint;
    this.requestId = extra.requestId;
    this.status = extra.status;
    this.kind = extra.kind ?? 'error';
  }
}

export function usage(message: string, hint?: string): CliError {
  return new CliError(EXIT.usage, message, { hint, kind: 'usage' });
}
