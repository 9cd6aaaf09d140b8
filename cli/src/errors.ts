// SDK errors to exit codes and messages. The SDK's message already names the status, the problem's title
// and detail, the invalid fields and the request id; we add what to do next.
import { CliError, EXIT } from './exit.ts';

interface SdkErrorLike {
  name: string;
  message: string;
  status?: number;
  requestId?: string;
  errors?: { pointer?: string }[];
}

/** The fields a 422 names when a secret, override or key is given a scope that does not exist. */
const SCOPE_POINTERS = new Set(['/scope/id', '/path/workspaceId']);
const NO_SCOPE_HINT =
  'secrets, overrides and keys live on scopes that exist: `coffer teams create T`, `coffer workspaces create W --team T` (see `coffer teams list`, `coffer workspaces list`)';

const HINTS: Record<number, string> = {
  401: 'the API key was refused: run `coffer login` again, or check COFFER_API_KEY',
  403: "this key's role or scope does not allow it: see `coffer whoami`",
  404: 'check the id or name and the scope (`coffer secrets list --scope ...`)',
  409: 'it exists already: use `update` (or `import --on-conflict update`)',
  412: 'it changed since you read it: read it again and retry',
  429: 'rate limited: wait and retry',
};

function codeFor(status: number): number {
  if (status === 400 || status === 413 || status === 422) return EXIT.usage;
  if (status === 401) return EXIT.auth;
  if (status === 403) return EXIT.permission;
  if (status === 404) return EXIT.notFound;
  if (status === 409 || status === 412) return EXIT.conflict;
  if (status === 429) return EXIT.rateLimited;
  if (status >= 500) return EXIT.server;
  return EXIT.failure;
}

/** Turns whatever a command threw into a CliError (never quoting a value: SDK messages never hold one). */
export function toCliError(err: unknown, baseUrl?: string): CliError {
  if (err instanceof CliError) return err;
  const e = err as SdkErrorLike;
  if (e && typeof e === 'object' && typeof e.name === 'string') {
    if (e.name === 'ValidationError') return new CliError(EXIT.usage, e.message, { kind: 'validation' });
    if (e.name === 'APIConnectionError' || e.name === 'APITimeoutError') {
      return new CliError(EXIT.unreachable, e.message, {
        kind: 'unreachable',
        hint: `is the server running at ${baseUrl ?? 'the configured URL'}? (\`coffer serve\`, or COFFER_BASE_URL / \`coffer login --base-url\`)`,
      });
    }
    if (typeof e.status === 'number') {
      return new CliError(codeFor(e.status), e.message, {
        status: e.status,
        requestId: e.requestId,
        hint:
          (e.status === 422 && e.errors?.some((f) => SCOPE_POINTERS.has(f.pointer ?? ''))
            ? NO_SCOPE_HINT
            : undefined) ??
          HINTS[e.status] ??
          (e.status >= 500 ? 'the server failed: quote the request id when reporting it' : undefined),
        kind: 'api',
      });
    }
  }
  const name = e && typeof e === 'object' && typeof e.name === 'string' ? e.name : 'Error';
  // Unknown errors are reported by class and message: our own code never puts a value in a message.
  return new CliError(EXIT.failure, `${name}: ${(e as Error)?.message ?? String(err)}`);
}
