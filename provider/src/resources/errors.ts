// SDK errors as diagnostics. Messages come from the SDK and the API's problem details, which never carry a
// secret value; request bodies are never quoted. Field errors (JSON pointers) point at the attribute.
import { type Diagnostic, DiagnosticsError, error, type Path } from '../framework/index.ts';
import type { CofferClient } from './client.ts';

/** JSON pointer (as the API and the SDK report it) → attribute path. */
export type PointerMap = Record<string, Path>;

function fieldPath(pointer: string, pointers: PointerMap): Path | undefined {
  if (pointers[pointer]) return pointers[pointer];
  // `/scope/id` → longest known prefix
  const parts = pointer.split('/');
  while (parts.length > 1) {
    parts.pop();
    const p = pointers[parts.join('/')];
    if (p) return p;
  }
  return undefined;
}

/** Diagnostics for a failed API call; `what` says what was attempted ("creating secret HCL_DB"). */
export function apiDiagnostics(
  client: CofferClient,
  e: unknown,
  what: string,
  pointers: PointerMap = {},
): Diagnostic[] {
  const { lib, baseUrl } = client;
  if (e instanceof DiagnosticsError) return e.diagnostics;
  if (e instanceof lib.ValidationError) {
    return e.errors.map((f) =>
      error(
        `Invalid input while ${what}`,
        `${f.pointer || '/'} ${f.detail}.`,
        fieldPath(f.pointer, pointers),
      ),
    );
  }
  if (e instanceof lib.APITimeoutError) {
    return [
      error(
        'Coffer API timed out',
        `No answer from the Coffer API at ${baseUrl} while ${what} (timeout_ms). The state was left as it was.`,
      ),
    ];
  }
  if (e instanceof lib.APIConnectionError) {
    return [
      error(
        'Cannot reach the Coffer API',
        `Connecting to ${baseUrl} failed while ${what}: ${e.message}. Check base_url (or COFFER_BASE_URL) and that the server is running. The state was left as it was.`,
      ),
    ];
  }
  if (e instanceof lib.AuthenticationError) {
    return [
      error(
        'Coffer rejected the API key',
        `The API at ${baseUrl} answered 401 while ${what}. Check api_key (or COFFER_API_KEY). (${e.message})`,
      ),
    ];
  }
  if (e instanceof lib.PermissionDeniedError) {
    return [
      error(
        'API key not allowed to do this',
        `The API answered 403 while ${what}: the key's role or scope does not cover it. (${e.message})`,
      ),
    ];
  }
  if (e instanceof lib.APIError) {
    if (e.errors.length > 0) {
      return e.errors.map((f) =>
        error(
          `Coffer API refused the request (${e.status})`,
          `${what}: ${f.pointer} ${f.detail}.`,
          fieldPath(f.pointer, pointers),
        ),
      );
    }
    return [error(`Coffer API error (${e.status})`, `${what}: ${e.message}`)];
  }
  const message = e instanceof Error ? e.message : String(e);
  return [error(`Unexpected error while ${what}`, message)];
}

/** Runs an API call; failures become a DiagnosticsError (caught by the framework). */
export async function call<T>(
  client: CofferClient,
  what: string,
  fn: () => Promise<T>,
  pointers: PointerMap = {},
): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw new DiagnosticsError(apiDiagnostics(client, e, what, pointers));
  }
}
