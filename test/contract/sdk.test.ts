// Every SDK method against the contract target; results checked for shape, errors for class and pointer.
import {
  APIPromise,
  NotFoundError,
  Page,
  PageIterable,
  Secret,
  UnprocessableEntityError,
  BadRequestError,
  ValidationError,
} from '@coffer/sdk';
import { afterAll, describe, expect, it } from 'vitest';
import { client, ISO_DATE, target, uniq } from './helpers.ts';

const coffer = client();
afterAll(() => coffer.close());

const SCOPE_TYPES = ['organization', 'team', 'workspace'];
const BACKENDS = ['DB', 'VAULT', 'READONLY_VAULT', 'AWS_SECRETS_MANAGER', 'ENV'];

function expectSecretMeta(s: unknown) {
  expect(s).toMatchObject({
    id: expect.any(String),
    name: expect.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/),
    scope: { type: expect.any(String), id: expect.any(String) },
    version: expect.any(Number),
    createdAt: expect.stringMatching(ISO_DATE),
    updatedAt: expect.stringMatching(ISO_DATE),
  });
  const m = s as { scope: { type: string }; version: number };
  expect(SCOPE_TYPES).toContain(m.scope.type);
  expect(m.version).toBeGreaterThanOrEqual(1);
  expect(s).not.toHaveProperty('value');
}

async function firstPage<T>(it: PageIterable<T>): Promise<Page<T>> {
  expect(it).toBeInstanceOf(PageIterable);
  const page = await it.page();
  expect(page).toBeInstanceOf(Page);
  expect(Array.isArray(page.items)).toBe(true);
  expect(page.nextCursor === null || typeof page.nextCursor === 'string').toBe(true);
  expect(page.response.status).toBe(200);
  return page;
}

describe('health', () => {
  it('health() and readiness()', async () => {
    const h = await coffer.health().withResponse();
    expect(h.response.status).toBe(200);
    expect(h.data).toMatchObject({ status: expect.any(String) });
    const r = await coffer.readiness();
    expect(r).toMatchObject({ status: expect.any(String) });
  });
});
