// coffer profiles list|use, coffer logout
import { configPath, keyLabel, keyPrefix, readConfig, writeConfig } from '../config.ts';
import { CliError, EXIT } from '../exit.ts';
import { done, json, table } from '../output.ts';
import type { Ctx } from '../program.ts';

export async function list(ctx: Ctx): Promise<void> {
  const path = configPath();
  const config = readConfig(path);
  const rows = Object.entries(config.profiles).map(([name, p]) => ({
    name,
    current: name === (config.currentProfile ?? 'default'),
    baseUrl: p.baseUrl ?? null,
    keyPrefix: p.apiKey ? (keyPrefix(p.apiKey) ?? null) : null,
  }));
  if (ctx.json) return json(rows);
  const labels = Object.values(config.profiles).map((p) => (p.apiKey ? keyLabel(p.apiKey) : null));
  await table(
    ['', 'PROFILE', 'BASE URL', 'KEY'],
    rows.map((r, i) => [r.current ? '*' : '', r.name, r.baseUrl, labels[i]]),
    `no profiles in ${path}: run \`coffer login\``,
  );
}

export async function use(_ctx: Ctx, args: string[]): Promise<void> {
  const name = args[0] ?? '';
  const path = configPath();
  const config = readConfig(path);
  if (!config.profiles[name]) {
    throw new CliError(EXIT.usage, `no profile named ${JSON.stringify(name)}`, {
      hint: '`coffer profiles list`',
      kind: 'usage',
    });
  }
  config.currentProfile = name;
  writeConfig(path, config);
  done(`current profile: ${name}`);
}

export async function logout(ctx: Ctx): Promise<void> {
  const path = configPath();
  const config = readConfig(path);
  const name = ctx.profile || process.env.COFFER_PROFILE || config.currentProfile || 'default';
  const existed = name in config.profiles;
  delete config.profiles[name];
  if (config.currentProfile === name) delete config.currentProfile;
  if (existed) writeConfig(path, config);
  if (ctx.json) return json({ profile: name, removed: existed });
  done(existed ? `removed profile ${name} from ${path}` : `no profile ${name}: nothing to do`);
}
