// What coffer_team and coffer_workspace share: their id and name attributes (the name defaults to the id, as
// the API defaults it), delete_contents, and the diagnostics for an id taken already and for deleting a scope
// that still holds something (the API's 409 names what is left).
import { DISPLAY_NAME, MAX_DISPLAY_NAME_LENGTH, SCOPE_ID } from '@coffer/sdk/rules';
import {
  type Attributes,
  type Diagnostic,
  DiagnosticsError,
  error,
  type ObjectValue,
  UNKNOWN,
  validators as v,
} from '../framework/index.ts';
import type { CofferClient } from './client.ts';
import { apiDiagnostics } from './errors.ts';

export type ScopeKind = 'team' | 'workspace';

/** id, name, organization_id, delete_contents and the timestamps, worded for `kind`. */
export function scopeAttributes(kind: ScopeKind) {
  return {
    id: {
      type: 'string',
      required: true,
      requiresReplace: true,
      description: `The ${kind} id, unique in the whole deployment (secrets, overrides and API keys name the ${kind} by it). Changing it replaces the ${kind}.`,
      validators: [v.matches(SCOPE_ID, `a ${kind} id`)],
    },
    name: {
      type: 'string',
      optional: true,
      computed: true,
      description: `Display name (1 to ${MAX_DISPLAY_NAME_LENGTH} characters, no leading or trailing spaces). Defaults to the id; removing it from the configuration renames the ${kind} back to its id.`,
      validators: [
        v.lengthBetween(1, MAX_DISPLAY_NAME_LENGTH),
        v.matches(DISPLAY_NAME, 'a display name without leading or trailing spaces'),
      ],
    },
    organization_id: {
      type: 'string',
      optional: true,
      computed: true,
      requiresReplace: true,
      description: `The organization the ${kind} belongs to, for good (default: the API key's own organization). Changing it replaces the ${kind}.`,
      validators: [v.matches(SCOPE_ID, 'an organization id')],
    },
    delete_contents: {
      type: 'bool',
      optional: true,
      description:
        kind === 'team'
          ? "When true, destroying the team also deletes what it still holds: its secrets, its workspaces with their secrets and overrides, and revokes the API keys on them (the API's cascade=true). Default false: destroying a team that still holds anything fails and names what is left. Apply the change before the destroy that needs it."
          : "When true, destroying the workspace also deletes the secrets and overrides it still holds (the API's cascade=true). Default false: destroying a workspace that still holds anything fails and names what is left. Apply the change before the destroy that needs it.",
    },
    created_at: { type: 'string', computed: true, description: 'Creation time (RFC 3339).' },
    updated_at: {
      type: 'string',
      computed: true,
      computedPlan: 'volatile',
      description: 'Last change time (RFC 3339).',
    },
  } satisfies Attributes;
}

/** The name defaults to the id: planned as the id whenever the configuration leaves it out. */
export function planDefaultName(planned: ObjectValue, config: ObjectValue): void {
  if ((config.name ?? null) === null) planned.name = planned.id ?? UNKNOWN;
}

const TITLE: Record<ScopeKind, string> = { team: 'Team', workspace: 'Workspace' };

/** A create answered 409: the id is taken (ids are unique in the deployment, across organizations). */
export function alreadyExists(kind: ScopeKind, id: string): DiagnosticsError {
  return new DiagnosticsError(
    error(
      `${TITLE[kind]} already exists`,
      `The API refused to create ${kind} ${id}: a ${kind} with that id exists already, and nothing was created. ` +
        'Ids are unique in the whole deployment, so it may belong to another organization. ' +
        `If it is yours and was made outside this configuration, import it to manage it here: ` +
        `tofu import <address> ${id} (terraform import), or an import block with id = "${id}".`,
      ['id'],
    ),
  );
}

/** A delete answered 409: the scope still holds something, which the API's detail names. */
export function notEmpty(client: CofferClient, kind: ScopeKind, id: string, e: unknown): Diagnostic[] {
  if (!client.isStatus(e, 409)) return apiDiagnostics(client, e, `deleting ${kind} ${id}`);
  const detail = e instanceof client.lib.APIError ? e.problem.detail : undefined;
  const what = kind === 'team' ? 'secrets and workspaces' : 'secrets and overrides';
  return [
    error(
      `${TITLE[kind]} not empty`,
      `${typeof detail === 'string' && detail !== '' ? detail : `${TITLE[kind]} ${id} still holds something.`} ` +
        `Nothing was deleted. Destroy its ${what} first (resources that refer to ${kind === 'team' ? 'coffer_team' : 'coffer_workspace'}.<name>.id are destroyed before it), ` +
        `or set delete_contents = true on this ${kind}, apply, then destroy it: everything it holds is then deleted with it.`,
    ),
  ];
}

/** A read or lookup answered 404: gone, or (the same answer, by design) in another organization. */
export function notFound(kind: ScopeKind, id: string, summary: string, atId = false): DiagnosticsError {
  return new DiagnosticsError(
    error(
      summary,
      `No ${kind} ${id} that the API key can see: it does not exist, or it belongs to another organization than the key's (other organizations' ${kind}s answer 404).`,
      atId ? ['id'] : undefined,
    ),
  );
}
