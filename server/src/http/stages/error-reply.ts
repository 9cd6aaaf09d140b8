/**
 * Stage: whatever a stage or a handler threw, as the problem-details reply the client gets, with the status
 * its kind calls for. Only an error's class is logged: messages of driver errors can quote parameters.
 */
import { BackendConflictError, BackendInputError, BackendUnavailableError } from '../../backends/types.ts';
import { InvalidCursorError, isStorageFullError, isStoreDamagedError } from '../../store/types.ts';
import type { Reply, Services } from '../context.ts';
import { HttpError, problem } from '../problem.ts';

/** Seconds a client is asked to wait while the store cannot write (disk full). */
const STORAGE_FULL_RETRY_AFTER = '30';

export function errorReply(
  err: unknown,
  s: Pick<Services, 'storeHealth' | 'log'>,
  instance: string,
  requestId: string,
): Reply {
  if (err instanceof HttpError) {
    return {
      status: err.status,
      body: problem(err.status, err.message, instance, requestId, err.errors, err.kind),
      headers: err.headers,
    };
  }
  if (err instanceof InvalidCursorError) {
    return {
      status: 400,
      body: problem(400, 'The cursor is not one this server issued.', instance, requestId, [
        { pointer: '/query/cursor', detail: 'is not a valid cursor' },
      ]),
    };
  }
  if (isStorageFullError(err)) {
    s.storeHealth.markFull();
    s.log.log('error', 'store is full', { requestId, error: (err as Error).name });
    return {
      status: 503,
      body: problem(
        503,
        'The store has no space left; nothing was written. Retry later.',
        instance,
        requestId,
      ),
      headers: { 'retry-after': STORAGE_FULL_RETRY_AFTER },
    };
  }
  if (err instanceof BackendUnavailableError) {
    // Names the backend and what failed (never a value or a token); a client retries after Retry-After.
    s.log.log('warn', 'backend unavailable', { requestId, backend: err.backend, error: err.message });
    return {
      status: 503,
      body: problem(503, `${err.message}. Retry later.`, instance, requestId),
      headers: { 'retry-after': String(err.retryAfterSeconds) },
    };
  }
  if (err instanceof BackendConflictError) {
    return { status: 409, body: problem(409, err.message, instance, requestId) };
  }
  if (err instanceof BackendInputError) {
    return {
      status: 422,
      body: problem(
        422,
        err.message,
        instance,
        requestId,
        err.pointer ? [{ pointer: err.pointer, detail: err.message }] : undefined,
      ),
    };
  }
  if (isStoreDamagedError(err)) s.storeHealth.markDamaged();
  // Only the error's class goes to the log: messages of driver errors can quote parameters.
  s.log.log('error', 'request failed', {
    requestId,
    error: (err as Error)?.name ?? 'Error',
    code: (err as { code?: string })?.code,
  });
  return { status: 500, body: problem(500, 'An unexpected error occurred.', instance, requestId) };
}
