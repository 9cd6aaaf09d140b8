// Small helpers the commands share.
import type { Coffer } from '@coffer/sdk';
import { connect } from '../client.ts';
import { CliError, EXIT, usage } from '../exit.ts';
import type { Ctx } from '../program.ts';
import { checkName, parseScope } from '../scope.ts';

export async function api(ctx: Ctx): Promise<Coffer> {
  return (await connect(ctx.profile)).coffer;
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function int(v: unknown, flag: string, min: number, max: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw usage(`${flag} must be an integer from ${min} to ${max}`);
  return n;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A secret given by id, or by name and --scope (looked up with the list's name filter). */
export async function secretId(coffer: Coffer, ref: string, scopeFlag: unknown): Promise<string> {
  if (UUID.test(ref)) return ref;
  checkName(ref, 'secret (neither an id nor a name)');
  const scope = parseScope(str(scopeFlag), '--scope (needed to find a secret by name)');
  for await (const s of coffer.secrets.list({ scopeType: scope.type, scopeId: scope.id, namePrefix: ref })) {
    if (s.name === ref) return s.id;
  }
  throw new CliError(EXIT.notFound, `no secret ${ref} in ${scope.type}:${scope.id}`, {
    hint: `see \`coffer secrets list --scope ${scope.type}:${scope.id}\``,
    kind: 'not-found',
  });
}

/** Declared operands first; anything after them is refused where a value could hide. */
export function extra(args: string[], declared: number): string[] {
  return args.slice(declared);
}
