// What coffer_secret and coffer_workspace_secret share: the value attributes (value xor value_wo +
// value_wo_version), their validation, drift detection through `version`, and timestamp handling.
import type { Secret } from '@coffer/sdk';
import {
  type Attributes,
  type Diagnostic,
  equal,
  error,
  isUnknown,
  type ObjectValue,
  type PrivateData,
  type Value,
  validators as v,
} from '../framework/index.ts';
import type { CofferClient } from './client.ts';

export { SCOPE_ID, SCOPE_TYPES, SECRET_CATEGORIES, SECRET_NAME } from '@coffer/sdk/rules';

export const valueAttributes = {
  value: {
    type: 'string',
    optional: true,
    sensitive: true,
    description:
      'The secret value (sensitive: hidden in output, but stored in the state). Prefer value_wo. Conflicts with value_wo.',
    validators: [v.lengthBetween(1, 65536)],
  },
  value_wo: {
    type: 'string',
    optional: true,
    sensitive: true,
    writeOnly: true,
    description:
      'The secret value, write-only: sent to the API on create and whenever value_wo_version changes, never stored in the state or the plan. Needs OpenTofu/Terraform >= 1.11. Conflicts with value.',
    validators: [v.lengthBetween(1, 65536)],
  },
  value_wo_version: {
    type: 'number',
    optional: true,
    description: 'Bump to send a new value_wo (write-only values are never compared with anything).',
    validators: [v.integerBetween(0, Number.MAX_SAFE_INTEGER)],
  },
  version: {
    type: 'number',
    computed: true,
    description:
      'Version of the value on the server (starts at 1, +1 on each change). A change made outside OpenTofu shows up as drift here and the next apply writes the configured value back.',
  },
} satisfies Attributes;

/** value xor value_wo, each diagnostic at the attribute. */
export function validateValue(config: ObjectValue): Diagnostic[] {
  const hasValue = config.value !== null && config.value !== undefined;
  const hasWo = config.value_wo !== null && config.value_wo !== undefined;
  if (hasValue && hasWo) {
    return [
      error(
        'Conflicting value attributes',
        'Set either value or value_wo (with value_wo_version), not both.',
        ['value_wo'],
      ),
    ];
  }
  if (!hasValue && !hasWo) {
    return [
      error(
        'Missing value',
        'Set value_wo (with value_wo_version), or value. ' +
          'A configuration written by plan -generate-config-out has value = null and value_wo = null (the API ' +
          'never returns values): replace value_wo = null with the value (from an ephemeral variable, say), ' +
          'set value_wo_version = 1 and delete the value line.',
        ['value'],
      ),
    ];
  }
  return [];
}

/** The value to send, from the configuration (the only place a write-only value exists). */
export function configuredValue(client: CofferClient, config: { value?: Value; value_wo?: Value }): Secret {
  const raw = typeof config.value === 'string' ? config.value : config.value_wo;
  if (typeof raw !== 'string') throw new Error('no known value in the configuration');
  return new client.lib.Secret(raw);
}

/** Private data: the version this provider last wrote, to tell our writes from changes made elsewhere. */
export function appliedVersion(p: PrivateData | null): number | null {
  const n = p?.applied_version;
  return typeof n === 'number' ? n : null;
}

export function withAppliedVersion(version: number): PrivateData {
  return { applied_version: version };
}

/** Whether the server's version moved since this provider last wrote the value (a rotation elsewhere). */
export function drifted(prior: { version?: Value }, p: PrivateData | null): boolean {
  const applied = appliedVersion(p);
  return applied !== null && typeof prior.version === 'number' && prior.version !== applied;
}

/** Whether this plan sends the value: it changed, its write-only version changed, or it drifted. */
export function valueWillBeSent(prior: ObjectValue, planned: ObjectValue, p: PrivateData | null): boolean {
  return (
    !equal(prior.value ?? null, planned.value ?? null) ||
    isUnknown(planned.value) ||
    !equal(prior.value_wo_version ?? null, planned.value_wo_version ?? null) ||
    drifted(prior, p)
  );
}

/** Keeps the state's spelling of a timestamp when the server's denotes the same instant. */
export function sameInstant(stateValue: unknown, serverValue: string | null | undefined): string | null {
  if (serverValue === null || serverValue === undefined) return null;
  if (typeof stateValue === 'string' && Date.parse(stateValue) === Date.parse(serverValue)) return stateValue;
  return serverValue;
}
