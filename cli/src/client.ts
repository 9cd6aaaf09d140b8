// The one place that builds the SDK client: the CLI has no HTTP code of its own.
import type { Coffer } from '@coffer/sdk';
import { type Settings, settings } from './config.ts';
import { CliError, EXIT } from './exit.ts';

let current: string | undefined;

/** The base URL of the last connection (for the hint when it cannot be reached). */
export function connectedTo(): string | undefined {
  return current;
}

export interface Connection {
  coffer: Coffer;
  settings: Settings;
}

export async function connect(
  profile: string | undefined,
  opts: { needKey?: boolean } = {},
): Promise<Connection> {
  const s = settings(profile);
  if (!s.apiKey && opts.needKey !== false) {
    throw new CliError(EXIT.auth, 'no API key configured', {
      hint: 'run `coffer login` (the key is read from stdin or a hidden prompt), or set COFFER_API_KEY',
      kind: 'auth',
    });
  }
  current = s.baseUrl;
  const { Coffer, Secret } = await import('@coffer/sdk');
  const coffer = new Coffer({
    baseUrl: s.baseUrl,
    apiKey: s.apiKey ? new Secret(s.apiKey) : undefined,
    userAgent: `coffer-cli/${VERSION} node/${process.versions.node}`,
  });
  return { coffer, settings: s };
}

declare const __COFFER_CLI_VERSION__: string;
export const VERSION: string =
  typeof __COFFER_CLI_VERSION__ === 'string' ? __COFFER_CLI_VERSION__ : '0.0.0-dev';
