// coffer login [--profile P] [--base-url URL] [--stdin | --from-file F]: the key never from argv.
import {
  checkBaseUrl,
  configPath,
  DEFAULT_BASE_URL,
  keyLabel,
  keyPrefix,
  readConfig,
  writeConfig,
} from '../config.ts';
import { CliError, EXIT, usage } from '../exit.ts';
import { readValue } from '../input.ts';
import { done, json, note } from '../output.ts';
import type { Ctx } from '../program.ts';
import { str } from './common.ts';

function advice(): string {
  return [
    'an API key on the command line is visible to every user in the process list and is saved in your shell history, so coffer refuses it.',
    'Pass it one of these ways instead:',
    '  coffer login --stdin < key.txt            (or: printf %s "$KEY" | coffer login --stdin)',
    '  coffer login --from-file key.txt',
    '  coffer login                              (a hidden prompt, in a terminal)',
    'The line you typed is already in your history: remove it (bash: `history -d <number>`, then `history -w`; zsh: delete it from ~/.zsh_history), and revoke the key if others use this machine.',
  ].join('\n');
}

export async function login(ctx: Ctx, args: string[], opts: Record<string, unknown>): Promise<void> {
  if (opts.apiKey !== undefined || opts.token !== undefined || args.length > 0) {
    throw new CliError(EXIT.usage, 'refused: API keys are never read from the command line', {
      hint: advice(),
      kind: 'value-on-argv',
    });
  }
  const path = configPath();
  const config = readConfig(path);
  const profile = ctx.profile || process.env.COFFER_PROFILE || config.currentProfile || 'default';
  const previous = config.profiles[profile] ?? {};
  const baseUrl = str(opts.baseUrl) ?? previous.baseUrl ?? DEFAULT_BASE_URL;
  try {
    const u = new URL(baseUrl);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error();
  } catch {
    throw usage('--base-url must be an http:// or https:// URL');
  }
  checkBaseUrl(baseUrl, '--base-url');
  const host = new URL(baseUrl).hostname;
  if (baseUrl.startsWith('http:') && !/^(localhost|127(\.\d{1,3}){3}|\[::1\])$/.test(host)) {
    note(
      `warning: ${host} is reached over plain http: the API key and every value cross the network unencrypted; use https://`,
    );
  }
  const apiKey = (
    (await readValue({ stdin: Boolean(opts.stdin), fromFile: str(opts.fromFile) }, 'API key', true)) as string
  ).trim();
  if (/\s/.test(apiKey)) throw usage('the API key holds whitespace: is it the right file?');

  if (opts.verify !== false) {
    const { Coffer, Secret } = await import('@coffer/sdk');
    const coffer = new Coffer({ baseUrl, apiKey: new Secret(apiKey), maxRetries: 1 });
    try {
      // Any authenticated call proves the key; a runtime key may answer 403 here, which still proves it.
      await coffer.apiKeys.list({ limit: 1 }).page();
    } catch (err) {
      if ((err as { status?: number }).status !== 403) {
        const { toCliError } = await import('../errors.ts');
        const e = toCliError(err, baseUrl);
        throw new CliError(e.exitCode, `login failed: ${e.message}`, {
          hint: e.hint ?? 'nothing was stored (--no-verify stores without checking)',
          requestId: e.requestId,
          status: e.status,
          kind: e.kind,
        });
      }
    } finally {
      await coffer.close();
    }
  }
  config.profiles[profile] = { baseUrl, apiKey };
  config.currentProfile = config.currentProfile ?? profile;
  writeConfig(path, config);
  const result = {
    profile,
    baseUrl,
    keyPrefix: keyPrefix(apiKey) ?? null,
    configPath: path,
    verified: opts.verify !== false,
  };
  if (ctx.json) return json(result);
  done(`logged in with ${keyLabel(apiKey)} to ${baseUrl} (profile ${profile}, saved in ${path})`);
}
