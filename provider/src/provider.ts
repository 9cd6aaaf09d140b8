// The Coffer provider: settings, the SDK client built from them, and the resource types it serves.
import { API_KEY_CHARACTERS } from '@coffer/sdk/rules';
import {
  type BlockSchema,
  createHandler,
  type Diagnostic,
  DiagnosticsError,
  schemaDocument as document,
  error,
  goJson,
  isUnknown,
  type ProviderDefinition,
  validators as v,
  warning,
} from './framework/index.ts';
import { CofferClient, type SdkModule } from './resources/client.ts';
import {
  secretsDataSource,
  secretsManagerDataSource,
  teamDataSource,
  workspaceDataSource,
  workspaceSecretsDataSource,
} from './resources/data-sources.ts';
import { apiDiagnostics } from './resources/errors.ts';
import { secretResource } from './resources/secret.ts';
import { secretValueEphemeral } from './resources/secret-value.ts';
import { secretsManagerResource } from './resources/secrets-manager.ts';
import { teamResource } from './resources/team.ts';
import { workspaceResource } from './resources/workspace.ts';
import { workspaceSecretResource } from './resources/workspace-secret.ts';
import { VERSION } from './version.ts';
import type { ProviderHandler } from './wire/handler.ts';

export const PROVIDER_ADDRESS = 'registry.opentofu.org/coffer/coffer';

/** api_key = file("key") keeps the file's trailing newline, which no key holds (the SDK would refuse it). */
const API_KEY: v.Validator = {
  description: 'visible ASCII characters, no whitespace',
  check: (value) =>
    typeof value === 'string' && API_KEY_CHARACTERS.test(value)
      ? undefined
      : 'holds a line break, a space or another character no API key has (file() keeps a trailing newline: ' +
        'use trimspace(file(...)), or strip the key when setting COFFER_API_KEY)',
};

/** An http(s) URL; a value that looks like a Coffer API key (`cof_...`) is refused without being quoted. */
const BASE_URL: v.Validator = {
  description: v.httpUrl().description,
  check: (value, sensitive) =>
    typeof value === 'string' && value.startsWith('cof_')
      ? 'must be an http(s) URL such as http://127.0.0.1:8080; it holds what looks like a Coffer API key ' +
        '(not shown): were base_url and api_key (COFFER_BASE_URL and COFFER_API_KEY) swapped?'
      : v.httpUrl().check(value, sensitive),
};

export const providerSchema: BlockSchema = {
  description: 'Coffer: secrets as code. Talks to the Coffer API through @coffer/sdk.',
  attributes: {
    base_url: {
      type: 'string',
      optional: true,
      description:
        'The Coffer API, e.g. http://127.0.0.1:8080, without /v1 and without a user name or password (plain http:// to another machine is warned about). Default: env COFFER_BASE_URL.',
      validators: [BASE_URL],
    },
    api_key: {
      type: 'string',
      optional: true,
      sensitive: true,
      description:
        'API key (Bearer token); from a file, trimspace(file(...)) drops the newline. Default: env COFFER_API_KEY.',
      validators: [API_KEY],
    },
    timeout_ms: {
      type: 'number',
      optional: true,
      description: 'Per-attempt request timeout in milliseconds (default 30000; 0 disables).',
      validators: [v.integerBetween(0, 3_600_000)],
    },
    max_retries: {
      type: 'number',
      optional: true,
      description:
        'Retries after the first attempt for connection errors, timeouts, 408 and 5xx (default 2; 0 turns every ' +
        "retry off). 429 answers are retried apart from these, waiting as Retry-After says, for up to 60 s per call, so runs ride out the server's rate limit.",
      validators: [v.integerBetween(0, 10)],
    },
  },
};

/** Whether `url` (a valid http(s) URL) names this machine: localhost, 127.0.0.0/8 or ::1. */
function isLoopback(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
  );
}

/** http:// to another machine: the API key and every value written or read would travel in clear text. */
function clearTextWarning(baseUrl: string): Diagnostic | undefined {
  const u = new URL(baseUrl);
  if (u.protocol !== 'http:' || isLoopback(u)) return undefined;
  return warning(
    'Unencrypted connection to the Coffer API',
    `base_url (or COFFER_BASE_URL) uses http:// to ${u.host}, which is not this machine: the API key and every ` +
      'secret value this run writes or reads cross the network in clear text. Use an https:// URL.',
    ['base_url'],
  );
}

async function configure(
  lib: SdkModule,
  config: Record<string, unknown>,
  env: NodeJS.ProcessEnv,
  warn: (d: Diagnostic) => void,
): Promise<CofferClient> {
  const unknown = ['base_url', 'api_key', 'timeout_ms', 'max_retries'].filter((k) =>
    isUnknown(config[k] as never),
  );
  const baseUrl = typeof config.base_url === 'string' ? config.base_url : (env.COFFER_BASE_URL ?? '');
  if (unknown.length > 0) {
    return new CofferClient(
      lib,
      baseUrl,
      undefined,
      `${unknown.join(', ')} of the coffer provider depend on values known only after apply; ` +
        'configure the provider from values known at plan time.',
    );
  }
  const diags: Diagnostic[] = [];
  if (baseUrl === '') {
    diags.push(
      error('Missing base_url', 'Set base_url in the provider block or COFFER_BASE_URL.', ['base_url']),
    );
  } else {
    const problem = BASE_URL.check(baseUrl, false);
    if (problem) diags.push(error('Invalid COFFER_BASE_URL', `COFFER_BASE_URL ${problem}.`, ['base_url']));
  }
  const apiKey = typeof config.api_key === 'string' ? config.api_key : env.COFFER_API_KEY;
  if (!apiKey) {
    diags.push(error('Missing api_key', 'Set api_key in the provider block or COFFER_API_KEY.', ['api_key']));
  } else {
    const problem = API_KEY.check(apiKey, true);
    if (problem) diags.push(error('Invalid api_key', `COFFER_API_KEY ${problem}.`, ['api_key']));
  }
  if (diags.length > 0) throw new DiagnosticsError(diags);
  const clearText = clearTextWarning(baseUrl);
  if (clearText) warn(clearText);
  const sdk = new lib.Coffer({
    baseUrl,
    apiKey: new lib.Secret(apiKey as string),
    ...(typeof config.timeout_ms === 'number' ? { timeoutMs: config.timeout_ms } : {}),
    ...(typeof config.max_retries === 'number' ? { maxRetries: config.max_retries } : {}),
    userAgent: `terraform-provider-coffer/${VERSION}`,
  });
  const client = new CofferClient(lib, baseUrl, sdk);
  await checkApiKey(client);
  return client;
}

/**
 * One request when the provider is configured, so that a wrong API key is one error, at once, instead of an
 * error (and, past the server's failed-authentication limit, a 429) for every object in the state. A 401
 * stops here, and so does a 404 (with GET /v1/healthz failing too): GET /v1/secrets-manager exists for every
 * key, so a 404 means base_url is not the API (`.../v1`, a wrong proxy prefix), where every refresh would
 * answer 404 and take each object in the state for deleted. A key that may not read the settings (403) is still a valid key, and an unreachable
 * server or any other failure is reported by the calls that need the API, with their context.
 */
async function answersHealth(client: CofferClient): Promise<boolean> {
  try {
    await client.sdk.health({ maxRetries: 0 });
    return true;
  } catch {
    return false;
  }
}

async function checkApiKey(client: CofferClient): Promise<void> {
  try {
    await client.sdk.secretsManager.get({ maxRetries: 0 });
  } catch (e) {
    if (e instanceof client.lib.AuthenticationError) {
      await client.close();
      throw new DiagnosticsError(apiDiagnostics(client, e, 'checking the API key'));
    }
    // Unless GET /v1/healthz answers (a proxy that hides only the settings): then the API is there.
    if (client.isStatus(e, 404) && !(await answersHealth(client))) {
      await client.close();
      throw new DiagnosticsError(
        error(
          'No Coffer API at base_url',
          `GET /v1/secrets-manager, which the Coffer API always serves, answered 404 at ${client.baseUrl}: that ` +
            'address is not the API. Give base_url (or COFFER_BASE_URL) without /v1 (the routes are under it), ' +
            'or, behind a proxy, the prefix the proxy serves the API under. Nothing was read or changed.',
          ['base_url'],
        ),
      );
    }
  }
}

export function cofferProvider(env: NodeJS.ProcessEnv = process.env): ProviderDefinition<CofferClient> {
  return {
    address: PROVIDER_ADDRESS,
    schema: providerSchema,
    // The SDK (and its HTTP stack) loads here, not at start-up: processes that only validate never need it.
    configure: async ({ config, warn }) => configure(await import('@coffer/sdk'), config, env, warn),
    stop: (client) => client?.close(),
    resources: [
      secretsManagerResource,
      teamResource,
      workspaceResource,
      secretResource,
      workspaceSecretResource,
    ],
    dataSources: [
      teamDataSource,
      workspaceDataSource,
      secretsDataSource,
      workspaceSecretsDataSource,
      secretsManagerDataSource,
    ],
    ephemeralResources: [secretValueEphemeral],
  };
}

/** The tfplugin6 handler the wire layer serves. */
export function createProvider(env: NodeJS.ProcessEnv = process.env): ProviderHandler {
  return createHandler(cofferProvider(env));
}

/** What `tofu providers schema -json` prints for this provider. */
export function schemaDocument(): unknown {
  const def = cofferProvider({});
  const byName = <T extends { typeName: string; schema: BlockSchema }>(list: readonly T[]) =>
    Object.fromEntries(list.map((d) => [d.typeName, d.schema]));
  return document(PROVIDER_ADDRESS, {
    provider: def.schema,
    resources: byName(def.resources),
    dataSources: byName(def.dataSources),
    ephemeralResources: byName(def.ephemeralResources),
    identities: Object.fromEntries(
      def.resources.flatMap((r) => (r.identity ? [[r.typeName, r.identity] as const] : [])),
    ),
  });
}

/** The schema document byte for byte as `tofu providers schema -json` prints it (Go's JSON escaping). */
export function schemaJson(): string {
  return goJson(schemaDocument());
}
