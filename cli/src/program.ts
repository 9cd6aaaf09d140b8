// The command tree. Only commander and this file load at start; each action imports its module when it
// runs, so `coffer --version` and `--help` never load the SDK, undici, cli-table3 or the server.
import { Command, Option } from 'commander';
import { VERSION } from './client.ts';

export interface Ctx {
  /** --profile, wherever it was given. */
  profile: string | undefined;
  json: boolean;
  command: Command;
  root: Command;
}

type Handler = (ctx: Ctx, args: string[], opts: Record<string, unknown>) => Promise<unknown>;
type Loader = () => Promise<Record<string, unknown>>;

function lazy(load: Loader, name: string) {
  return async (...params: unknown[]) => {
    const command = params.at(-1) as Command;
    const opts = command.optsWithGlobals() as Record<string, unknown>;
    // The operands as given (declared arguments first): handlers refuse extras where they could be a value.
    const args = command.args;
    let root = command;
    while (root.parent) root = root.parent;
    const mod = await load();
    const fn = mod[name] as Handler;
    const ctx: Ctx = { profile: opts.profile as string | undefined, json: Boolean(opts.json), command, root };
    const code = await fn(ctx, args, opts);
    if (typeof code === 'number') process.exitCode = code;
  };
}

const secretsMod: Loader = () => import('./commands/secrets.ts');
const overridesMod: Loader = () => import('./commands/overrides.ts');
const auditMod: Loader = () => import('./commands/audit.ts');
const keysMod: Loader = () => import('./commands/keys.ts');
const managerMod: Loader = () => import('./commands/secrets-manager.ts');
const transferMod: Loader = () => import('./commands/transfer.ts');
const profileMod: Loader = () => import('./commands/profile.ts');
const tenancyMod: Loader = () => import('./commands/tenancy.ts');

const json = (c: Command) => c.option('--json', 'print JSON (one document on stdout)');
const valueFlags = (c: Command) =>
  c
    .option(
      '--stdin',
      'read the value from standard input (one trailing newline is dropped; on a terminal, a hidden line)',
    )
    .option(
      '--from-file <path>',
      'read the value from a file (`-` for stdin; one trailing newline is dropped)',
    )
    .option(
      '--prompt',
      'ask for the value at a hidden prompt (the default in a terminal when a value is required)',
    )
    .addOption(
      new Option('--value <value>', 'refused: values are never read from the command line').hideHelp(),
    )
    .allowExcessArguments(true);
const scopeOpt = '--scope <type:id>';
/** `--team` of resolve, run and export: the chain's team is the workspace's own now; warned about and ignored. */
const deprecatedTeam = () =>
  new Option('--team <id>', "deprecated and ignored: the team is the workspace's own").hideHelp();
const ifMatchOpt = (c: Command) =>
  c.option('--if-match <revision>', 'only if it is still at this revision, its ETag (exit 6 otherwise)');
const cascadeOpt = (c: Command, what: string) =>
  c.option(
    '--cascade',
    `also delete ${what} and revoke the keys on it (without it, a non-empty one is exit 6)`,
  );

const EXIT_CODES = `
Exit codes:
  0  success                      5  not found (404)
  1  unexpected failure           6  exists or changed (409, 412)
  2  bad usage or input (400/422) 7  server unreachable
  3  no key or key refused (401)  8  rate limited (429)
  4  permission denied (403)      9  server error (5xx)
  10 negative answer (names that resolve nowhere, a failed check)
  130 Ctrl-C at a hidden prompt
  coffer run: the command's own exit code (126/127 when it cannot be started)

Environment: COFFER_BASE_URL and COFFER_API_KEY win over the profile; COFFER_PROFILE picks one;
COFFER_CONFIG names the config file (default ~/.config/coffer/config.json); NO_COLOR turns colour off.`;

/**
 * Commander's usage errors quote what was typed: the surplus operands, an unknown `--flag=value`. A value typed
 * in the wrong place must not be repeated (into a terminal's scrollback, a CI log), so those parts are dropped.
 */
export function unquoted(message: string): string {
  return message
    .replace(/(too many arguments[^\n]*? but got \d+): [\s\S]*?\.(\n?)$/, '$1 (not repeated here).$2')
    .replace(/(unknown option '-[^'=]*=)[^']*'/, "$1...'");
}

/** `jsonErrors`: commander prints nothing of a usage error (main reports it as the JSON object `--json` promises). */
export function buildProgram(opts: { jsonErrors?: boolean } = {}): Command {
  const program = new Command('coffer');
  // Before any subcommand: each shares this output configuration from its creation.
  program.configureOutput(
    opts.jsonErrors
      ? { writeErr: () => {}, outputError: () => {} }
      : { outputError: (text, write) => write(unquoted(text)) },
  );
  program
    .description('Coffer secrets from the command line, and `coffer serve`, the reference server')
    .version(VERSION, '-v, --version', 'print the version')
    .option('--profile <name>', 'the profile to use (default: COFFER_PROFILE, then the current one)')
    .option('--no-color', 'no colour (also: NO_COLOR, or output that is not a terminal)')
    .showHelpAfterError('(add --help for usage)')
    .configureHelp({ showGlobalOptions: true })
    .exitOverride()
    .addHelpText('after', EXIT_CODES);

  program
    .command('serve')
    .description(
      'run the reference server (coffer serve --help for its flags: --port, --host, --data-dir, --database-url)',
    )
    .helpOption(false)
    .allowUnknownOption(true)
    .allowExcessArguments(true)
    .action(async () => {
      const { serve } = await import('./commands/serve.ts');
      await serve();
    });

  json(
    program
      .command('login')
      .description(
        'store a base URL and an API key in a profile (the key from stdin, a file or a hidden prompt)',
      )
      .option('--base-url <url>', "the server (default: the profile's, then http://127.0.0.1:8080)")
      .option('--stdin', 'read the API key from standard input')
      .option('--from-file <path>', 'read the API key from a file')
      .option('--no-verify', 'store without checking the key against the server')
      .addOption(new Option('--api-key <key>').hideHelp())
      .addOption(new Option('--token <key>').hideHelp())
      .allowExcessArguments(true),
  ).action(lazy(() => import('./commands/login.ts'), 'login'));

  json(program.command('logout').description('remove the profile from the config file')).action(
    lazy(profileMod, 'logout'),
  );

  const profiles = program.command('profiles').description('list the profiles and choose the current one');
  json(profiles.command('list').description('list the profiles (never their keys)')).action(
    lazy(profileMod, 'list'),
  );
  profiles
    .command('use')
    .argument('<name>', 'profile name')
    .description('make a profile the current one')
    .action(lazy(profileMod, 'use'));

  json(
    program
      .command('whoami')
      .description('the server, the profile and the key in use (its prefix, name, role, scope)'),
  ).action(lazy(() => import('./commands/whoami.ts'), 'whoami'));

  const orgs = program
    .command('orgs')
    .alias('organizations')
    .description('organizations: the hard boundaries of a deployment (create and delete: deployment keys)');
  json(orgs.command('list').description('list the organizations the key sees')).action(
    lazy(tenancyMod, 'orgList'),
  );
  json(orgs.command('get').argument('<id>', 'the organization id').description('an organization')).action(
    lazy(tenancyMod, 'orgGet'),
  );
  json(
    orgs
      .command('create')
      .argument('<id>', 'the new id (unique in the deployment)')
      .option('--name <name>', 'a display name (default: the id)')
      .description('create an organization (a deployment key only)'),
  ).action(lazy(tenancyMod, 'orgCreate'));
  json(
    ifMatchOpt(
      orgs
        .command('update')
        .argument('<id>', 'the organization id')
        .requiredOption('--name <name>', 'the new display name')
        .description('rename an organization'),
    ),
  ).action(lazy(tenancyMod, 'orgUpdate'));
  json(
    cascadeOpt(
      orgs.command('delete').argument('<id>', 'the organization id'),
      'its teams, workspaces and secrets',
    ).description('delete an organization (a deployment key only)'),
  ).action(lazy(tenancyMod, 'orgDelete'));

  const teams = program
    .command('teams')
    .description("an organization's teams (the middle of a workspace's chain)");
  json(teams.command('list').description('list the teams the key covers')).action(
    lazy(tenancyMod, 'teamList'),
  );
  json(teams.command('get').argument('<id>', 'the team id').description('a team')).action(
    lazy(tenancyMod, 'teamGet'),
  );
  json(
    teams
      .command('create')
      .argument('<id>', 'the new id (unique in the deployment), e.g. payments')
      .option('--name <name>', 'a display name (default: the id)')
      .option('--org <id>', "the organization (default: the key's own)")
      .description('create a team'),
  ).action(lazy(tenancyMod, 'teamCreate'));
  json(
    ifMatchOpt(
      teams
        .command('update')
        .argument('<id>', 'the team id')
        .requiredOption('--name <name>', 'the new display name')
        .description('rename a team'),
    ),
  ).action(lazy(tenancyMod, 'teamUpdate'));
  json(
    cascadeOpt(
      teams.command('delete').argument('<id>', 'the team id'),
      'its secrets and workspaces',
    ).description('delete a team (keys on it are revoked)'),
  ).action(lazy(tenancyMod, 'teamDelete'));

  const workspaces = program
    .command('workspaces')
    .description('workspaces: each in one team or directly in its organization, resolving that chain');
  json(
    workspaces
      .command('list')
      .option('--team <id>', "only this team's workspaces")
      .description('list the workspaces the key covers'),
  ).action(lazy(tenancyMod, 'wsList'));
  json(workspaces.command('get').argument('<id>', 'the workspace id').description('a workspace')).action(
    lazy(tenancyMod, 'wsGet'),
  );
  json(
    workspaces
      .command('create')
      .argument('<id>', 'the new id (unique in the deployment), e.g. ws-checkout')
      .option('--team <id>', 'the team it belongs to (default: none, directly in the organization)')
      .option('--name <name>', 'a display name (default: the id)')
      .option('--org <id>', "the organization (default: the key's own)")
      .description('create a workspace'),
  ).action(lazy(tenancyMod, 'wsCreate'));
  json(
    ifMatchOpt(
      workspaces
        .command('update')
        .argument('<id>', 'the workspace id')
        .option('--name <name>', 'a new display name')
        .option('--team <id>', 'move it to this team')
        .option('--no-team', 'move it out of its team, directly into the organization')
        .description('rename a workspace, or move it (--team, --no-team)'),
    ),
  ).action(lazy(tenancyMod, 'wsUpdate'));
  json(
    ifMatchOpt(
      workspaces
        .command('move')
        .argument('<id>', 'the workspace id')
        .option('--team <id>', 'the team to move it to')
        .option('--no-team', 'directly into the organization')
        .description("move a workspace to another team: from then on it resolves that team's secrets"),
    ),
  ).action(lazy(tenancyMod, 'wsMove'));
  json(
    cascadeOpt(
      workspaces.command('delete').argument('<id>', 'the workspace id'),
      'its secrets and overrides',
    ).description('delete a workspace (keys on it are revoked)'),
  ).action(lazy(tenancyMod, 'wsDelete'));

  const secrets = program
    .command('secrets')
    .description('secrets of an organization, team or workspace (metadata; values are write-only)');
  json(
    secrets
      .command('list')
      .description('list secrets (every page)')
      .option(`${scopeOpt}`, 'only this scope, e.g. team:payments')
      .option('--scope-type <type>', 'only this scope type (organization, team, workspace)')
      .option('--prefix <prefix>', 'only names starting with this')
      .option('--category <category>', 'only this category'),
  ).action(lazy(secretsMod, 'list'));
  json(
    secrets
      .command('get')
      .argument('<secret>', 'a secret id, or a name with --scope')
      .option(scopeOpt, 'the scope of a secret given by name')
      .description("a secret's metadata"),
  ).action(lazy(secretsMod, 'get'));
  json(
    valueFlags(
      secrets
        .command('create')
        .argument('<name>', 'the name (an environment-variable name)')
        .requiredOption(scopeOpt, 'where it lives, e.g. team:payments or workspace:ws-checkout')
        .option('--category <category>', 'provider, infrastructure, integration (default) or agent')
        .option('--description <text>', 'what it is for')
        .option('--expires-at <date-time>', 'when it stops resolving (RFC 3339)')
        .option('--vault-ref <path#key>', 'a READONLY_VAULT reference instead of a value')
        .option('--without-value', 'create without a value (the ENV backend)')
        .description('create a secret; the value comes from --stdin, --from-file or a hidden prompt'),
    ),
  ).action(lazy(secretsMod, 'create'));
  json(
    valueFlags(
      secrets
        .command('update')
        .argument('<secret>', 'a secret id, or a name with --scope')
        .option(scopeOpt, 'the scope of a secret given by name')
        .option('--category <category>', 'a new category')
        .option('--description <text>', 'a new description')
        .option('--expires-at <date-time>', 'a new expiry (RFC 3339, or "never")')
        .option(
          '--if-match <revision>',
          'only if the secret is still at this revision, its ETag (exit 6 otherwise)',
        )
        .description('change metadata, or rotate the value (--stdin, --from-file or --prompt)'),
    ),
  ).action(lazy(secretsMod, 'update'));
  json(
    secrets
      .command('delete')
      .argument('<secret>', 'a secret id, or a name with --scope')
      .option(scopeOpt, 'the scope of a secret given by name')
      .description('delete a secret'),
  ).action(lazy(secretsMod, 'remove'));

  const overrides = program
    .command('overrides')
    .description("a workspace's overrides of the well-known provider keys");
  json(
    overrides
      .command('list')
      .requiredOption('--workspace <id>', 'the workspace')
      .description("list a workspace's overrides (metadata)"),
  ).action(lazy(overridesMod, 'list'));
  json(
    valueFlags(
      overrides
        .command('set')
        .argument('<key>', 'OPENAI_API_KEY, ANTHROPIC_API_KEY, ...')
        .requiredOption('--workspace <id>', 'the workspace')
        .option('--expires-in-days <days>', 'expire after this many days (1..3650)')
        .option('--create-only', 'fail (exit 6) if the override exists already')
        .description(
          'create or replace an override; the value comes from --stdin, --from-file or a hidden prompt',
        ),
    ),
  ).action(lazy(overridesMod, 'set'));
  json(
    overrides
      .command('delete')
      .argument('<key>', 'the override key')
      .requiredOption('--workspace <id>', 'the workspace')
      .description('delete an override'),
  ).action(lazy(overridesMod, 'remove'));

  json(
    program
      .command('resolve')
      .argument('<names...>', 'secret names')
      .requiredOption(
        '--workspace <id>',
        'the workspace to resolve for (its chain: its team, its organization)',
      )
      .addOption(deprecatedTeam())
      .option(
        '--reveal',
        'print the values (NAME=value lines, or in the JSON); without it only where each resolves',
      )
      .description(
        'where each name resolves (override, workspace, team, organization); values only with --reveal',
      ),
  ).action(lazy(() => import('./commands/resolve.ts'), 'resolve'));

  program
    .command('run')
    .argument('<command...>', 'the command and its arguments, after --')
    .requiredOption('--workspace <id>', 'the workspace whose secrets the command gets')
    .addOption(deprecatedTeam())
    .option('--only <names>', 'only these names (comma-separated); without it every name of the chain')
    .description(
      'run a command with the resolved secrets in its environment: coffer run --workspace W -- cmd args',
    )
    .addHelpText(
      'after',
      "\nThe values go to the command's environment only; coffer prints none of them. SIGTERM, SIGHUP, SIGUSR2\n(and SIGINT, SIGQUIT when stdin is not a terminal, which sends those itself) are passed on, and coffer\nexits with the command's exit code. coffer's own COFFER_API_KEY is not passed on.",
    )
    .action(lazy(() => import('./commands/run.ts'), 'run'));

  json(
    program
      .command('import')
      .argument('<file>', 'a .env file (`-` for stdin)')
      .requiredOption(scopeOpt, 'the scope to create the secrets in')
      .option('--category <category>', 'the category of every secret')
      .addOption(
        new Option('--on-conflict <mode>', 'when a name exists already')
          .choices(['fail', 'skip', 'update'])
          .default('fail'),
      )
      .option('--progress', 'always show a progress bar (default: on a terminal, for more than 10 entries)')
      .option('--no-progress', 'never show a progress bar')
      .description('create secrets from a .env file'),
  ).action(lazy(transferMod, 'importEnv'));

  json(program.command('export'))
    .requiredOption('--workspace <id>', 'the workspace to resolve for')
    .addOption(deprecatedTeam())
    .option('--only <names>', 'only these names (comma-separated)')
    .addOption(new Option('--format <format>', 'output format').choices(['dotenv', 'json']).default('dotenv'))
    .option('--output <file>', 'write to this file (mode 0600) instead of stdout')
    .option('--progress', 'always show a progress bar')
    .option('--no-progress', 'never show a progress bar')
    .description(
      "print the workspace's resolved values (this reveals them) as .env or JSON (--json: --format json)",
    )
    .action(lazy(transferMod, 'exportEnv'));

  const audit = program.command('audit').description('who read which value, and every change');
  const auditFilters = (c: Command) =>
    json(
      c
        .option('--since <when>', 'only records since: a duration (30m, 24h, 7d) or a date-time')
        .option('--until <when>', 'only records before: a duration ago or a date-time')
        .option('--name <name>', 'only records about this secret or key name')
        .option('--limit <n>', 'at most this many rows (newest first)', '100'),
    );
  auditFilters(audit.command('reads').description('secret value reads, newest first')).action(
    lazy(auditMod, 'reads'),
  );
  auditFilters(
    audit
      .command('events')
      .option('--type <type>', 'only events of this type (e.g. secret.updated)')
      .description('writes, deletes, configuration changes and failed authentications, newest first'),
  ).action(lazy(auditMod, 'events'));

  const keys = program.command('keys').description('API keys');
  json(
    keys
      .command('create')
      .requiredOption('--name <name>', 'a name for the key')
      .requiredOption('--role <role>', 'owner, admin, member or runtime')
      .requiredOption(scopeOpt, 'what it covers, e.g. workspace:ws-checkout')
      .option('--expires-at <date-time>', 'when it stops working (RFC 3339)')
      .description('create a key; its token is printed once, on stdout'),
  ).action(lazy(keysMod, 'create'));
  json(keys.command('list').description('list keys (metadata; never tokens)')).action(lazy(keysMod, 'list'));
  json(keys.command('revoke').argument('<id>', 'the key id').description('revoke a key')).action(
    lazy(keysMod, 'revoke'),
  );

  const manager = program
    .command('secrets-manager')
    .description('where values are stored (organization keys)');
  json(manager.command('get').description('the configuration and the backend in effect')).action(
    lazy(managerMod, 'get'),
  );
  json(
    manager
      .command('set')
      .option('--backend <backend>', 'DB, VAULT, READONLY_VAULT, AWS_SECRETS_MANAGER or ENV')
      .option('--cache-ttl <seconds>', 'resolve cache time to live (0..86400)')
      .option('--fallback <mode>', 'ENV or NONE')
      .option(
        '--stdin',
        'read the whole configuration as JSON from stdin (the only way to pass a Vault token)',
      )
      .option('--from-file <path>', 'read the whole configuration as JSON from a file')
      .addOption(new Option('--vault-token <token>').hideHelp())
      .description('replace the configuration (flags for the simple fields, JSON for everything)'),
  ).action(lazy(managerMod, 'set'));
  json(
    manager
      .command('check')
      .option('--stdin', 'check this configuration (JSON from stdin) instead of the stored one')
      .option('--from-file <path>', 'check this configuration (JSON file) instead of the stored one')
      .description('test the connection to the backend; exit 10 when it fails'),
  ).action(lazy(managerMod, 'check'));

  program
    .command('completion')
    .argument('<shell>', 'bash or zsh')
    .description('print a shell completion script: source <(coffer completion bash)')
    .action(lazy(() => import('./completion.ts'), 'completion'));

  return program;
}
