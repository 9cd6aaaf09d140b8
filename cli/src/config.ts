// Profiles: a base URL and an API key per name, in one JSON file readable by its owner only (0600, in a
// 0700 directory). COFFER_BASE_URL and COFFER_API_KEY win over the file; COFFER_PROFILE or --profile picks
// the profile; COFFER_CONFIG names another file.
import { chmodSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { API_KEY_CHARACTERS } from '@coffer/sdk/rules';
import { CliError, EXIT } from './exit.ts';
import { writePrivateFile } from './private-file.ts';

export const DEFAULT_BASE_URL = 'http://127.0.0.1:8080';

export interface Profile {
  baseUrl?: string;
  apiKey?: string;
}

export interface ConfigFile {
  currentProfile?: string;
  profiles: Record<string, Profile>;
}

export interface Settings {
  profile: string;
  baseUrl: string;
  baseUrlFrom: 'env' | 'config' | 'default';
  apiKey: string | undefined;
  apiKeyFrom: 'env' | 'config' | undefined;
  configPath: string;
}

export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.COFFER_CONFIG) return env.COFFER_CONFIG;
  const base = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(base, 'coffer', 'config.json');
}

export function readConfig(path: string): ConfigFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { profiles: {} };
    throw new CliError(EXIT.failure, `cannot read ${path}: ${(err as NodeJS.ErrnoException).code}`);
  }
  try {
    const parsed = JSON.parse(text) as ConfigFile;
    if (!parsed || typeof parsed !== 'object' || typeof parsed.profiles !== 'object' || !parsed.profiles) {
      throw new Error('no profiles');
    }
    return parsed;
  } catch {
    // Never quote the file: it holds API keys.
    throw new CliError(EXIT.failure, `${path} is not a coffer config file`, {
      hint: 'remove it and run `coffer login` again',
    });
  }
}

/** Writes the file with mode 0600 (writePrivateFile) in a 0700 directory. */
export function writeConfig(path: string, config: ConfigFile, env: NodeJS.ProcessEnv = process.env): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // The default directory is coffer's own: 0700 even if it existed wider (a COFFER_CONFIG's is the user's).
  if (!env.COFFER_CONFIG) chmodSync(dir, 0o700);
  writePrivateFile(path, `${JSON.stringify(config, null, 2)}\n`);
}

/** Warns (once, on stderr) when the file is readable by others, as ssh does. */
export function checkMode(path: string): string | undefined {
  try {
    const mode = statSync(path).mode & 0o777;
    if (mode & 0o077) {
      return `${path} is readable by others (mode ${mode.toString(8)}): run \`chmod 600 ${path}\``;
    }
  } catch {}
  return undefined;
}

/**
 * coffer authenticates with its API key alone (the Authorization header), so `user:password@` in a base URL is
 * never used, and would be printed wherever the URL is (errors, whoami): refused, without quoting it.
 */
export function checkBaseUrl(url: string, from: string): void {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return; // the SDK says it is not a URL
  }
  if (u.username || u.password) {
    throw new CliError(EXIT.usage, `the base URL holds credentials (user:password@, from ${from})`, {
      hint: 'remove them: coffer sends only its API key; rotate the password if the URL was shared',
      kind: 'usage',
    });
  }
}

export function settings(profileFlag: string | undefined, env: NodeJS.ProcessEnv = process.env): Settings {
  const path = configPath(env);
  const config = readConfig(path);
  const profile = profileFlag || env.COFFER_PROFILE || config.currentProfile || 'default';
  if (profileFlag && !config.profiles[profileFlag] && !(env.COFFER_BASE_URL && env.COFFER_API_KEY)) {
    throw new CliError(EXIT.usage, `no profile named ${JSON.stringify(profileFlag)} in ${path}`, {
      hint: `create it with \`coffer login --profile ${profileFlag}\``,
      kind: 'usage',
    });
  }
  const p = config.profiles[profile] ?? {};
  const baseUrl = env.COFFER_BASE_URL || p.baseUrl || DEFAULT_BASE_URL;
  const baseUrlFrom = env.COFFER_BASE_URL ? 'env' : p.baseUrl ? 'config' : 'default';
  checkBaseUrl(baseUrl, baseUrlFrom === 'env' ? 'COFFER_BASE_URL' : path);
  // A key never holds whitespace: the newline a key file ends with is not part of it (as for `login`).
  const apiKey = (env.COFFER_API_KEY || p.apiKey || '').trim() || undefined;
  const apiKeyFrom = env.COFFER_API_KEY ? 'env' : p.apiKey ? 'config' : undefined;
  if (apiKey && !API_KEY_CHARACTERS.test(apiKey)) {
    // Sent as it is, the HTTP client refuses the header, which reads as "server unreachable". Never quoted.
    throw new CliError(
      EXIT.auth,
      `the API key from ${apiKeyFrom === 'env' ? 'COFFER_API_KEY' : path} holds control characters or spaces`,
      { hint: 'check how it was copied: a key is one word of printable characters', kind: 'auth' },
    );
  }
  return { profile, baseUrl, baseUrlFrom, apiKey, apiKeyFrom, configPath: path };
}

/**
 * The listed prefix of a token the server minted (`cof_<8 hex>`, what `coffer keys list` shows), or
 * undefined for any other token (an operator's bootstrap key): like the server, we then show no
 * characters of it at all.
 */
export function keyPrefix(token: string): string | undefined {
  const m = /^(cof_[0-9a-f]{8})_[A-Za-z0-9_-]{43}$/.exec(token);
  return m ? m[1] : undefined;
}

export function keyLabel(token: string): string {
  const p = keyPrefix(token);
  return p ? `${p}…` : 'a key not minted by the server (no prefix shown)';
}
