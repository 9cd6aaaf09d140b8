/**
 * The route table and every request validator, built once at start from openapi/coffer.yaml: the server
 * cannot drift from the contract because nothing about routes or request shapes is written down twice.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { parse } from 'yaml';
import type { Role } from '../store/types.ts';

export const SPEC_PATH = join(import.meta.dirname, '..', '..', '..', 'openapi', 'coffer.yaml');

export interface FieldError {
  pointer: string;
  detail: string;
  allowed?: string[];
}

type Json = Record<string, unknown>;

export interface Operation {
  operationId: string;
  method: string;
  /** The spec's path template, e.g. /v1/secrets/{secretId}. */
  template: string;
  /** False for `security: []` (health probes). */
  authenticated: boolean;
  /** Declares the Idempotency-Key header. */
  idempotent: boolean;
  /** `x-coffer-roles`: the roles that may call it, checked before the body is read; null: any role. */
  roles: Role[] | null;
  hasBody: boolean;
  bodyRequired: boolean;
  /** Validates and coerces path, query and header parameters; returns field errors. */
  checkParams(input: ParamInput): FieldError[];
  /** Validates a parsed JSON body; returns field errors (pointers into the body). */
  checkBody(body: unknown): FieldError[];
}

export interface ParamInput {
  path: Record<string, string>;
  query: Record<string, unknown>;
  header: Record<string, unknown>;
}

export interface Route {
  pattern: RegExp | null;
  literal: string | null;
  template: string;
  paramNames: string[];
  operations: Map<string, Operation>;
  allow: string;
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

/** Bodies up to this many JSON values get every field error; larger ones stop at the first. */
const FULL_REPORT_MAX_NODES = 2_000;

/** JSON values in a parsed body, without recursion; stops counting once past `limit`. */
function countNodes(value: unknown, limit: number): number {
  let n = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && n <= limit) {
    const v = stack.pop();
    n++;
    if (v === null || typeof v !== 'object') continue;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      stack.push(child);
      if (stack.length + n > limit) return limit + 1;
    }
  }
  return n;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/** Rewrites local refs so schemas lifted out of the document still resolve against it. */
function rebase(node: unknown, base: string): unknown {
  if (Array.isArray(node)) return node.map((n) => rebase(n, base));
  if (node && typeof node === 'object') {
    const out: Json = {};
    for (const [k, v] of Object.entries(node)) {
      out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#') ? `${base}${v}` : rebase(v, base);
    }
    return out;
  }
  return node;
}

function deref(doc: Json, node: Json): Json {
  let cur = node;
  while (typeof cur.$ref === 'string') {
    const parts = cur.$ref.replace(/^#\//, '').split('/');
    let next: unknown = doc;
    for (const p of parts) next = (next as Json)[p.replace(/~1/g, '/').replace(/~0/g, '~')];
    cur = next as Json;
  }
  return cur;
}

function pointerOf(e: ErrorObject, prefix: string): string {
  let path = e.instancePath;
  if (e.keyword === 'required') path += `/${(e.params as { missingProperty: string }).missingProperty}`;
  if (e.keyword === 'additionalProperties') {
    path += `/${(e.params as { additionalProperty: string }).additionalProperty}`;
  }
  return `${prefix}${path}`;
}

function detailOf(e: ErrorObject): FieldError['detail'] {
  if (e.keyword === 'additionalProperties') return 'unknown field';
  if (e.keyword === 'required') return 'is required';
  return e.message ?? 'is invalid';
}

function toFieldErrors(errors: ErrorObject[] | null | undefined, prefix = ''): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const e of errors ?? []) {
    // oneOf/anyOf summaries repeat what their branches said.
    if (e.keyword === 'oneOf' || e.keyword === 'anyOf' || e.keyword === 'if') continue;
    const fe: FieldError = { pointer: pointerOf(e, prefix), detail: detailOf(e) };
    if (e.keyword === 'enum')
      fe.allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
    const k = `${fe.pointer}\n${fe.detail}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(fe);
  }
  return out;
}

function newAjv(coerce: boolean, allErrors = true): Ajv2020 {
  const ajv = new Ajv2020({
    strict: false,
    allErrors,
    coerceTypes: coerce,
    useDefaults: coerce,
    // Values are never echoed back: errors carry schema facts only.
    verbose: false,
  });
  // ajv-formats is CommonJS: its default export arrives as the module object under Node's ESM loader.
  const addFormats = (formats as unknown as { default: typeof formats }).default ?? formats;
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  return ajv;
}

export interface Spec {
  doc: Json;
  routes: Route[];
  operations: Map<string, Operation>;
  match(pathname: string): RouteMatch | null;
}

const parsed = new Map<string, Json>();

/** The spec document, parsed once per process. */
export function readSpecDoc(path = SPEC_PATH): Json {
  let doc = parsed.get(path);
  if (!doc) {
    doc = parse(readFileSync(path, 'utf8')) as Json;
    parsed.set(path, doc);
  }
  return doc;
}

export function loadSpec(path = SPEC_PATH): Spec {
  const doc = readSpecDoc(path);
  const BASE = 'coffer.yaml';
  const bodyAjv = newAjv(false);
  const firstErrorAjv = newAjv(false, false);
  const paramAjv = newAjv(true);
  for (const ajv of [bodyAjv, firstErrorAjv, paramAjv]) {
    ajv.addSchema(rebase({ components: (doc as Json).components }, BASE) as Json, BASE);
  }

  const routes: Route[] = [];
  const operations = new Map<string, Operation>();
  const paths = doc.paths as Record<string, Json>;
  for (const [template, item] of Object.entries(paths)) {
    const paramNames: string[] = [];
    const literal = !template.includes('{');
    const regex = template
      .split(/(\{[^}]+\})/)
      .map((part) => {
        const m = /^\{(.+)\}$/.exec(part);
        if (m) {
          paramNames.push(m[1] as string);
          return '([^/]+)';
        }
        return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('');
    const route: Route = {
      pattern: literal ? null : new RegExp(`^${regex}$`),
      literal: literal ? template : null,
      template,
      paramNames,
      operations: new Map(),
      allow: '',
    };
    const shared = ((item.parameters as Json[]) ?? []).map((p) => deref(doc, p));
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      const params = [...shared];
      for (const p of ((op.parameters as Json[]) ?? []).map((x) => deref(doc, x))) {
        const i = params.findIndex((q) => q.name === p.name && q.in === p.in);
        if (i >= 0) params[i] = p;
        else params.push(p);
      }
      const operation = buildOperation(doc, template, method.toUpperCase(), op, params, {
        body: bodyAjv,
        firstError: firstErrorAjv,
        param: paramAjv,
      });
      route.operations.set(operation.method, operation);
      operations.set(operation.operationId, operation);
    }
    route.allow = [...route.operations.keys()].join(', ');
    routes.push(route);
  }

  const literals = new Map(routes.filter((r) => r.literal).map((r) => [r.literal as string, r]));
  const patterned = routes.filter((r) => r.pattern);
  return {
    doc,
    routes,
    operations,
    match(pathname) {
      const lit = literals.get(pathname);
      if (lit) return { route: lit, params: {} };
      for (const route of patterned) {
        const m = (route.pattern as RegExp).exec(pathname);
        if (!m) continue;
        const params: Record<string, string> = {};
        for (let i = 0; i < route.paramNames.length; i++)
          params[route.paramNames[i] as string] = m[i + 1] as string;
        return { route, params };
      }
      return null;
    },
  };
}

function buildOperation(
  doc: Json,
  template: string,
  method: string,
  op: Json,
  params: Json[],
  ajvs: { body: Ajv2020; firstError: Ajv2020; param: Ajv2020 },
): Operation {
  const paramAjv = ajvs.param;
  const security = (op.security ?? doc.security) as unknown[];
  const groups: Record<'path' | 'query' | 'header', { props: Json; required: string[] }> = {
    path: { props: {}, required: [] },
    query: { props: {}, required: [] },
    header: { props: {}, required: [] },
  };
  for (const p of params) {
    const where = p.in as 'path' | 'query' | 'header';
    if (!(where in groups)) continue;
    // Header names are case-insensitive: validate them lower-cased.
    const name = where === 'header' ? String(p.name).toLowerCase() : String(p.name);
    groups[where].props[name] = p.schema ?? {};
    if (p.required) groups[where].required.push(name);
  }
  const headerNames = new Map(
    params.filter((p) => p.in === 'header').map((p) => [String(p.name).toLowerCase(), String(p.name)]),
  );
  const compileGroup = (where: 'path' | 'query' | 'header') =>
    paramAjv.compile(
      rebase(
        {
          type: 'object',
          properties: groups[where].props,
          required: groups[where].required,
          // Unknown query parameters are refused like unknown body fields; unknown headers are not.
          additionalProperties: where !== 'query',
        },
        'coffer.yaml',
      ) as Json,
    );
  const validators = {
    path: compileGroup('path'),
    query: compileGroup('query'),
    header: compileGroup('header'),
  };

  const requestBody = op.requestBody ? deref(doc, op.requestBody as Json) : undefined;
  const bodySchema = (requestBody?.content as Json | undefined)?.['application/json'] as Json | undefined;
  let bodyValidator: ValidateFunction | null = null;
  let firstErrorValidator: ValidateFunction | null = null;
  if (bodySchema?.schema) {
    const schema = rebase(bodySchema.schema, 'coffer.yaml') as Json;
    bodyValidator = ajvs.body.compile(schema);
    firstErrorValidator = ajvs.firstError.compile(schema);
  }
  const roles = op['x-coffer-roles'];

  return {
    operationId: String(op.operationId),
    method,
    template,
    authenticated: !(Array.isArray(security) && security.length === 0),
    idempotent: params.some((p) => p.in === 'header' && p.name === 'Idempotency-Key'),
    roles: Array.isArray(roles) ? (roles as Role[]) : null,
    hasBody: bodyValidator !== null,
    bodyRequired: requestBody?.required === true,
    checkParams(input) {
      const errors: FieldError[] = [];
      for (const where of ['path', 'query', 'header'] as const) {
        const v = validators[where];
        if (!v(input[where])) {
          for (const fe of toFieldErrors(v.errors, `/${where}`)) {
            if (where === 'header') {
              const [, , name = ''] = fe.pointer.split('/');
              fe.pointer = `/header/${headerNames.get(name) ?? name}`;
            }
            errors.push(fe);
          }
        }
      }
      return errors;
    },
    checkBody(body) {
      if (!bodyValidator || !firstErrorValidator) return [];
      // Stopping at the first error bounds the work on hostile bodies (an oversized array is refused by
      // maxItems before any per-item or uniqueItems work); only a small body gets the full list of errors.
      if (firstErrorValidator(body)) return [];
      if (countNodes(body, FULL_REPORT_MAX_NODES) > FULL_REPORT_MAX_NODES) {
        return toFieldErrors(firstErrorValidator.errors);
      }
      bodyValidator(body);
      return toFieldErrors(bodyValidator.errors);
    },
  };
}
