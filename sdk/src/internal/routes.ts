// Calls typed by path: the spec's `paths` (generated) decide which methods a path has, its path parameters,
// its query, its body and its 2xx body, so a resource method cannot pair a path with the wrong operation.
// Types only; nothing here exists at run time.
import type { paths } from '../generated/schema.ts';
import type { HttpMethod } from '../options.ts';
import type { SecretInput } from '../types.ts';

/** The operation at `path` for `method` (never when the spec has none). */
export type Operation<M extends HttpMethod, P> = P extends keyof paths
  ? paths[P] extends Record<Lowercase<M>, infer O>
    ? O
    : never
  : never;

/** The spec's paths that have an operation for `method`. */
export type PathsWith<M extends HttpMethod> = {
  [P in keyof paths]: [Operation<M, P>] extends [never] ? never : P;
}[keyof paths];

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : undefined;
type PathParams<O> = O extends { parameters: { path: infer P extends Record<string, string | number> } }
  ? P
  : never;
type Query<O> = O extends { parameters: { query?: infer Q } } ? Extract<Q, object> : never;
type Body<O> = O extends { requestBody: infer RB }
  ? Json<RB>
  : O extends { requestBody?: infer RB }
    ? [Exclude<RB, undefined>] extends [never]
      ? never
      : Json<Exclude<RB, undefined>> | undefined
    : never;
type Responses<O> = O extends { responses: infer R } ? R : never;

/** The parsed 2xx body of an operation (`undefined` for 204). */
export type Data<O> = {
  [S in keyof Responses<O>]: S extends 200 | 201 | 202 | 203 | 204 ? Json<Responses<O>[S]> : never;
}[keyof Responses<O>];

/** What a call carries besides its method and path: path parameters, query and body, as the spec has them. */
export type CallInit<O> = ([PathParams<O>] extends [never] ? { path?: undefined } : { path: PathParams<O> }) &
  ([Query<O>] extends [never] ? { query?: undefined } : { query?: Query<O> }) &
  ([Body<O>] extends [never] ? { body?: undefined } : { body: SecretInput<Body<O>> });

/** An untyped call (`coffer.request`): any path, parameters filled from `path`. */
export interface AnyCallInit {
  path?: Record<string, string | number> | undefined;
  query?: object | undefined;
  body?: unknown;
}
