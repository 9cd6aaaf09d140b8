// How a failure is printed: `error: ...` and `hint: ...` on stderr (as JSON with --json), then the exit code.
import { paint } from './colour.ts';
import type { CliError } from './exit.ts';

export function report(err: CliError, asJson: boolean): void {
  if (asJson) {
    const body = {
      error: {
        kind: err.kind,
        message: err.message,
        exitCode: err.exitCode,
        ...(err.status !== undefined ? { status: err.status } : {}),
        ...(err.requestId !== undefined ? { requestId: err.requestId } : {}),
        ...(err.hint !== undefined ? { hint: err.hint } : {}),
      },
    };
    process.stderr.write(`${JSON.stringify(body)}\n`);
    return;
  }
  // The SDK's messages name the request id; ours (a 403 or 404 told in our words) get it added.
  const id =
    err.requestId !== undefined && !err.message.includes(err.requestId)
      ? ` (request id ${err.requestId})`
      : '';
  process.stderr.write(`${paint('red', 'error:', process.stderr)} ${err.message}${id}\n`);
  if (err.hint) process.stderr.write(`${paint('yellow', 'hint:', process.stderr)} ${err.hint}\n`);
}
