// coffer_secret: a scoped secret (/v1/secrets). Import by id or by `scope_type/scope_id/name`.
// Under the READONLY_VAULT backend a secret is a reference (vault_ref, `path#key`) to a field Coffer reads
// from Vault and never writes; a changed reference is an update (a new version), like a changed value.
import type { ResponseBody } from '@coffer/sdk';
import { MAX_VAULT_REF_LENGTH, type ScopeType, type SecretCategory, VAULT_REF } from '@coffer/sdk/rules';
import {
  type Attributes,
  type Diagnostic,
  DiagnosticsError,
  error,
  isUnknown,
  type Known,
  markUnknown,
  type ObjectValue,
  type ResourceDefinition,
  str,
  validators as v,
} from '../framework/index.ts';
import type { CofferClient } from './client.ts';
import {
  configuredValue,
  drifted,
  SCOPE_ID,
  SCOPE_TYPES,
  SECRET_CATEGORIES,
  SECRET_NAME,
  sameInstant,
  validateValue,
  valueAttributes,
  valueWillBeSent,
  withAppliedVersion,
} from './common.ts';
import { apiDiagnostics, call, type PointerMap } from './errors.ts';

type Secret = ResponseBody<'getSecret'>;

const POINTERS: PointerMap = {
  '/name': ['name'],
  '/scope': ['scope_type'],
  '/scope/type': ['scope_type'],
  '/scope/id': ['scope_id'],
  '/category': ['category'],
  '/description': ['description'],
  '/expiresAt': ['expires_at'],
  '/value': ['value'],
  '/vaultRef': ['vault_ref'],
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a state keeps from the configuration (the API never returns values) or the state before. */
type Kept = Pick<
  Known<SecretAttributes>,
  'value' | 'value_wo' | 'value_wo_version' | 'description' | 'expires_at' | 'vault_ref'
>;

/** State from the API's answer; attributes the API never returns (values) come from `base`. */
function toState(s: Secret, base: Kept): Known<SecretAttributes> {
  return {
    value: base.value,
    value_wo: base.value_wo,
    value_wo_version: base.value_wo_version,
    // What the server reads (a READONLY_VAULT secret's reference), so a reference changed elsewhere is drift.
    vault_ref:
      s.storage?.backend === 'READONLY_VAULT' ? (s.storage.reference ?? null) : (base.vault_ref ?? null),
    id: s.id,
    name: s.name,
    scope_type: s.scope.type,
    scope_id: s.scope.id,
    category: s.category,
    // The API may store an empty description as null: keep the configuration's spelling.
    description: s.description ?? (base.description === '' ? '' : null),
    expires_at: sameInstant(base.expires_at, s.expiresAt),
    version: s.version,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
  };
}

/** The attributes that name a secret, as a state or a plan has them. */
type Named = Pick<Known<SecretAttributes>, 'scope_type' | 'scope_id' | 'name'>;

function label(o: Named): string {
  return `secret ${o.scope_type}/${o.scope_id}/${o.name}`;
}

async function findByKey(client: CofferClient, key: string): Promise<Secret> {
  const [scopeType, scopeId, name, ...rest] = key.split('/');
  const valid =
    rest.length === 0 &&
    SCOPE_TYPES.includes(scopeType as (typeof SCOPE_TYPES)[number]) &&
    SCOPE_ID.test(scopeId ?? '') &&
    SECRET_NAME.test(name ?? '');
  if (!valid) {
    throw new DiagnosticsError(
      error(
        'Invalid import id',
        `Import a coffer_secret by its id (a UUID) or as scope_type/scope_id/name (scope_type one of ${SCOPE_TYPES.join(', ')}), e.g. team/payments/DB_PASSWORD; got ${JSON.stringify(key)}.`,
      ),
    );
  }
  const what = `looking up secret ${key}`;
  return call(client, what, async () => {
    for await (const s of client.sdk.secrets.list({
      scopeType: scopeType as (typeof SCOPE_TYPES)[number],
      scopeId,
      namePrefix: name,
    })) {
      if (s.name === name && s.scope.type === scopeType && s.scope.id === scopeId) return s as Secret;
    }
    throw new DiagnosticsError(
      error('Cannot import: no such secret', `No secret named ${name} in scope ${scopeType}/${scopeId}.`),
    );
  });
}

const attributes = {
  id: { type: 'string', computed: true, description: 'The secret id (UUID).' },
  scope_type: {
    type: 'string',
    required: true,
    requiresReplace: true,
    description: 'organization, team or workspace. Changing it replaces the secret.',
    validators: [v.oneOf(SCOPE_TYPES)],
  },
  scope_id: {
    type: 'string',
    required: true,
    requiresReplace: true,
    description: 'The organization, team or workspace id. Changing it replaces the secret.',
    validators: [v.matches(SCOPE_ID, 'a scope id')],
  },
  name: {
    type: 'string',
    required: true,
    requiresReplace: true,
    description: 'An environment-variable name, unique in its scope. Changing it replaces the secret.',
    validators: [v.matches(SECRET_NAME, 'an environment-variable name')],
  },
  category: {
    type: 'string',
    optional: true,
    computed: true,
    description: 'provider, infrastructure, integration or agent (the server picks one when unset).',
    validators: [v.oneOf(SECRET_CATEGORIES)],
  },
  description: {
    type: 'string',
    optional: true,
    description: 'Free text (up to 1024 characters).',
    validators: [v.lengthBetween(0, 1024)],
  },
  expires_at: {
    type: 'string',
    optional: true,
    description: 'RFC 3339 time after which the secret no longer resolves.',
    validators: [v.rfc3339()],
  },
  ...valueAttributes,
  vault_ref: {
    type: 'string',
    optional: true,
    description:
      'Under the READONLY_VAULT backend, what the secret is: a reference `path#key` to a string field of a ' +
      'Vault secret (e.g. `secret/data/payments/stripe#api_key` on KV v2), which Coffer reads and never ' +
      'writes. The server checks that the field exists. A changed reference is an update (a new version). ' +
      'Conflicts with value and value_wo.',
    validators: [
      v.matches(VAULT_REF, 'a Vault reference path#key'),
      v.lengthBetween(1, MAX_VAULT_REF_LENGTH),
    ],
  },
  created_at: { type: 'string', computed: true, description: 'Creation time (RFC 3339).' },
  updated_at: {
    type: 'string',
    computed: true,
    computedPlan: 'volatile',
    description: 'Last change time (RFC 3339).',
  },
} satisfies Attributes;
type SecretAttributes = typeof attributes;

const isSet = (x: unknown) => x !== null && x !== undefined;

/** Exactly one of value, value_wo and vault_ref; a reference conflicts with either value, at vault_ref. */
function validateSource(config: ObjectValue): Diagnostic[] {
  if (!isSet(config.vault_ref)) {
    // The shared message, plus the third way a coffer_secret can be given what it is.
    return validateValue(config).map((d) =>
      d.summary === 'Missing value'
        ? { ...d, detail: `${d.detail} Under the READONLY_VAULT backend, set vault_ref (path#key) instead.` }
        : d,
    );
  }
  const others = ['value', 'value_wo'].filter((a) => isSet(config[a]));
  if (others.length === 0) return [];
  return [
    error(
      'Conflicting value attributes',
      `Set either vault_ref (a READONLY_VAULT reference) or ${others.join(' and ')}, not both: a secret is a ` +
        'reference to Vault or a value Coffer stores, never both.',
      ['vault_ref'],
    ),
  ];
}

/** Whether this plan sends the reference: it changed, or the secret's version moved elsewhere. */
function refWillBeSent(prior: ObjectValue, planned: ObjectValue, p: Parameters<typeof drifted>[1]): boolean {
  if (!isSet(planned.vault_ref)) return false;
  return isUnknown(planned.vault_ref) || planned.vault_ref !== prior.vault_ref || drifted(prior, p);
}

export const secretResource: ResourceDefinition<CofferClient, SecretAttributes> = {
  typeName: 'coffer_secret',
  // A secret is named for good by its scope and name (changing either replaces it).
  identity: {
    attributes: {
      scope_type: { requiredForImport: true, description: 'organization, team or workspace.' },
      scope_id: { requiredForImport: true, description: 'The organization, team or workspace id.' },
      name: { requiredForImport: true, description: 'The secret name.' },
    },
    importId: (i) => `${str(i.scope_type)}/${str(i.scope_id)}/${str(i.name)}`,
  },
  schema: {
    description:
      'A secret in an organization, team or workspace scope. Its value is write-only on the API: nothing ever reads it back.',
    attributes,
  },

  validate: ({ config }) => validateSource(config),

  plan({ prior, planned, priorPrivate }) {
    if (!prior) return;
    if (refWillBeSent(prior, planned, priorPrivate) || valueWillBeSent(prior, planned, priorPrivate))
      markUnknown(planned, 'version', 'updated_at');
  },

  async create({ client, config, planned }) {
    const what = `creating ${label(planned)}`;
    try {
      const s = await client.sdk.secrets.create({
        name: planned.name,
        // oneOf validators admitted only the spec's values
        scope: { type: planned.scope_type as ScopeType, id: planned.scope_id },
        ...(typeof planned.category === 'string' ? { category: planned.category as SecretCategory } : {}),
        ...(typeof planned.description === 'string' ? { description: planned.description } : {}),
        ...(typeof planned.expires_at === 'string' ? { expiresAt: planned.expires_at } : {}),
        ...(typeof config.vault_ref === 'string'
          ? { vaultRef: config.vault_ref }
          : { value: configuredValue(client, config) }),
      });
      return { state: toState(s, planned), private: withAppliedVersion(s.version) };
    } catch (e) {
      if (client.isStatus(e, 409)) {
        const key = `${planned.scope_type}/${planned.scope_id}/${planned.name}`;
        throw new DiagnosticsError(
          error(
            'Secret already exists',
            `The API refused to create ${label(planned)}: a secret with that name already exists in that scope ` +
              '(names are unique in a scope), and nothing was created. ' +
              'If this is a replacement under create_before_destroy (or -replace) that keeps the name and scope, ' +
              'the secret being replaced still holds the name while its successor is created: remove ' +
              'create_before_destroy from this resource, or change its name. ' +
              'If the secret was made outside this configuration, import it to manage it here: ' +
              `tofu import <address> ${key} (terraform import), or an import block with id = "${key}".`,
            ['name'],
          ),
        );
      }
      throw new DiagnosticsError(apiDiagnostics(client, e, what, POINTERS));
    }
  },

  async read({ client, state }) {
    const id = state.id;
    if (!id) return null;
    try {
      const s = await client.sdk.secrets.get(id);
      return { state: toState(s, state) };
    } catch (e) {
      if (client.isStatus(e, 404)) return null;
      throw new DiagnosticsError(apiDiagnostics(client, e, `reading ${label(state)}`));
    }
  },

  async update({ client, config, planned, prior }) {
    const id = prior.id as string; // every applied state has one
    const body: Record<string, unknown> = {};
    if (planned.description !== prior.description) body.description = planned.description;
    if (typeof planned.category === 'string' && planned.category !== prior.category)
      body.category = planned.category;
    if (planned.expires_at !== prior.expires_at) body.expiresAt = planned.expires_at;
    // The plan marked version unknown exactly when the value is to be sent (changed, re-versioned, drifted).
    if (isUnknown(planned.version)) {
      if (typeof config.vault_ref === 'string') body.vaultRef = config.vault_ref;
      else body.value = configuredValue(client, config);
    }
    const what = `updating ${label(prior)}`;
    const s =
      Object.keys(body).length === 0
        ? await call(client, what, () => client.sdk.secrets.get(id))
        : await call(client, what, () => client.sdk.secrets.update(id, body), POINTERS);
    return { state: toState(s, planned), private: withAppliedVersion(s.version) };
  },

  async delete({ client, prior }) {
    const id = prior.id;
    if (!id) return;
    try {
      await client.sdk.secrets.delete(id);
    } catch (e) {
      if (client.isStatus(e, 404)) return;
      throw new DiagnosticsError(apiDiagnostics(client, e, `deleting ${label(prior)}`));
    }
  },

  async importState({ client, id }) {
    let s: Secret;
    if (UUID.test(id)) {
      try {
        s = await client.sdk.secrets.get(id);
      } catch (e) {
        if (client.isStatus(e, 404)) {
          throw new DiagnosticsError(error('Cannot import: no such secret', `No secret with id ${id}.`));
        }
        throw new DiagnosticsError(apiDiagnostics(client, e, `importing secret ${id}`));
      }
    } else {
      s = await findByKey(client, id);
    }
    const empty: Kept = {
      value: null,
      value_wo: null,
      value_wo_version: null,
      description: null,
      expires_at: null,
      vault_ref: null,
    };
    return { state: toState(s, empty), private: withAppliedVersion(s.version) };
  },
};
