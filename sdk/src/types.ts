// Spec-derived types for the hand-written surface, keyed by operationId (see TEAM-NOTES / coffer.yaml).
import type { components, operations } from './generated/schema.ts';
import type { Secret } from './secret.ts';

export type { components, operations, paths } from './generated/schema.ts';
export type Schemas = components['schemas'];

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
