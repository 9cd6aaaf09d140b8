/**
 * The contract, served: the OpenAPI document the server routes from (JSON and the YAML it was written in) and
 * its API reference, rendered once per process by @coffer/openapi (Redoc from npm, inlined: the page loads
 * nothing from the network). Public routes (`security: []`).
 */
import { readFileSync } from 'node:fs';
import { renderReference } from '@coffer/openapi/render';
import type { PublicHandler, Reply } from '../context.ts';
import { readSpecDoc, SPEC_PATH } from '../spec.ts';

let yaml: string | undefined;
let json: string | undefined;
let reference: { html: string; csp: string } | undefined;

/** The document may be cached by clients but is revalidated: a restarted server may route a newer one. */
const CACHE = 'no-cache';

export const getOpenApiJson: PublicHandler = async (): Promise<Reply> => {
  json ??= JSON.stringify(readSpecDoc(SPEC_PATH));
  return { status: 200, body: json, headers: { 'content-type': 'application/json', 'cache-control': CACHE } };
};

export const getOpenApiYaml: PublicHandler = async (): Promise<Reply> => {
  yaml ??= readFileSync(SPEC_PATH, 'utf8');
  return {
    status: 200,
    body: yaml,
    headers: { 'content-type': 'application/yaml; charset=utf-8', 'cache-control': CACHE },
  };
};

export const getApiReference: PublicHandler = async (): Promise<Reply> => {
  reference ??= renderReference(readSpecDoc(SPEC_PATH));
  return {
    status: 200,
    body: reference.html,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': reference.csp,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': CACHE,
    },
  };
};
