// Spec-derived helper types keyed by operationId. The named types (SecretCreateParams, WorkspaceSecret, ...)
// live beside their resource in resources/*.ts.
import type { components, operations } from './generated/schema.ts';
import type { Secret } from './secret.ts';

export type { components, operations, paths } from './generated/schema.ts';
export type Schemas = components['schemas'];
/** One schema of the spec by name (`Schema<'Secret'>`); interfaces extend it to give it a name of its own. */
export type Schema<K extends keyof Schemas> = Schemas[K];

type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type Responses<K extends keyof operations> = operations[K]['responses'];
type SuccessCodes = 200 | 201 | 202 | 203;

/** The JSON body of an operation's 2xx response(s). */
export type ResponseBody<K extends keyof operations> = {
  [S in keyof Responses<K>]: S extends SuccessCodes ? JsonOf<Responses<K>[S]> : never;
}[keyof Responses<K>];

/** The JSON request body of an operation. */
export type RequestBody<K extends keyof operations> = operations[K] extends {
  requestBody?: infer RB;
}
  ? JsonOf<NonNullable<RB>>
  : never;

/** The query parameters of an operation. */
export type QueryParams<K extends keyof operations> = operations[K] extends {
  parameters: { query?: infer Q };
}
  ? NonNullable<Q>
  : never;

type SecretKeys = 'value' | 'token';

/** Input type: secret-bearing fields also accept a {@link Secret}. */
export type SecretInput<T> = T extends readonly (infer E)[]
  ? SecretInput<E>[]
  : T extends object
    ? { [K in keyof T]: K extends SecretKeys ? T[K] | Secret : SecretInput<T[K]> }
    : T;

/** Output type: secret-bearing string fields arrive wrapped in a {@link Secret}. */
export type SecretOutput<T> = T extends readonly (infer E)[]
  ? SecretOutput<E>[]
  : T extends object
    ? { [K in keyof T]: K extends SecretKeys ? Exclude<T[K], string> | Secret : SecretOutput<T[K]> }
    : T;

/** Items of a paginated list response. */
export type ItemOf<K extends keyof operations> = ResponseBody<K> extends { items: (infer I)[] } ? I : never;

type ListOp =
  | 'listSecrets'
  | 'listWorkspaceSecrets'
  | 'listSecretReads'
  | 'listAuditEvents'
  | 'listApiKeys'
  | 'listOrganizations'
  | 'listTeams'
  | 'listWorkspaces';
/** Filters of a list operation; `cursor` starts from a given page. */
export type ListQuery<K extends ListOp> = Omit<QueryParams<K>, 'cursor'> & { cursor?: string };

/** Scopes, categories and the other enumerations of the spec, by their schema names. */
export type Scope = Schemas['Scope'];
export type Backend = Schemas['Backend'];
export type Role = Schemas['Role'];
