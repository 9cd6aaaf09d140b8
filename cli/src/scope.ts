// `--scope team:payments` (or `organization:default`, `workspace:ws-1`).
import { SCOPE_ID, SCOPE_TYPES, SECRET_NAME } from '@coffer/sdk/rules';
import { usage } from './exit.ts';

export interface Scope {
  type: (typeof SCOPE_TYPES)[number];
  id: string;
}

export function parseScope(text: string | undefined, flag = '--scope'): Scope {
  if (!text)
    throw usage(`${flag} is required`, `e.g. ${flag} team:payments (types: ${SCOPE_TYPES.join(', ')})`);
  const i = text.indexOf(':');
  const type = i < 0 ? text : text.slice(0, i);
  const id = i < 0 ? '' : text.slice(i + 1);
  if (!SCOPE_TYPES.includes(type as Scope['type'])) {
    throw usage(`${flag}: unknown scope type`, `one of ${SCOPE_TYPES.join(', ')}, e.g. team:payments`);
  }
  if (!SCOPE_ID.test(id)) {
    throw usage(`${flag}: invalid scope id`, `ids match ${SCOPE_ID.source}, e.g. ${type}:payments`);
  }
  return { type: type as Scope['type'], id };
}

/** Whether `parseScope` takes it (to decide whether it may be quoted back). */
export function validScope(text: string | undefined): boolean {
  try {
    parseScope(text);
    return true;
  } catch {
    return false;
  }
}

export function checkId(text: string, flag: string): string {
  if (!SCOPE_ID.test(text)) throw usage(`${flag}: invalid id`, `ids match ${SCOPE_ID.source}`);
  return text;
}

/** The name is not quoted back: a value typed where a name goes must not be echoed. */
export function checkName(name: string, where = 'secret name'): string {
  if (!SECRET_NAME.test(name)) {
    throw usage(
      `invalid ${where}`,
      'names are environment-variable names: a letter or _, then letters, digits or _ (at most 128)',
    );
  }
  return name;
}

export function parseNames(list: string | undefined): string[] | undefined {
  if (list === undefined) return undefined;
  const names = list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const [i, n] of names.entries()) checkName(n, `name ${i + 1} of --only`);
  return names;
}
