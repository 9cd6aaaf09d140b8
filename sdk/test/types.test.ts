// Compile-time checks (tsc -p sdk runs them in CI; at run time they only call a local server that is never
// reached): calls are typed by path, and the public methods read with named types.
import { describe, expectTypeOf, it } from 'vitest';
import {
  type APIPromise,
  type ApiKeyCreated,
  Coffer,
  type Organization,
  type PageIterable,
  type ResolveResult,
  Secret,
  type SecretMetadata,
  type Team,
  type Workspace,
  type WorkspaceSecret,
  type WorkspaceSecretKey,
} from '../src/index.ts';
import { HttpClient } from '../src/internal/http-client.ts';
import type { Data, Operation, PathsWith } from '../src/internal/routes.ts';
import type { Schema } from '../src/types.ts';

const http = new HttpClient({ baseUrl: 'http://127.0.0.1:9', apiKey: 'k' });
const coffer = new Coffer({ baseUrl: 'http://127.0.0.1:9', apiKey: 'k' });

describe('calls typed by path', () => {
  it('a path has only the methods the spec gives it', () => {
    expectTypeOf<'/v1/secrets:resolve'>().toExtend<PathsWith<'POST'>>();
    expectTypeOf<'/v1/secrets:resolve'>().not.toExtend<PathsWith<'GET'>>();
    expectTypeOf<'/v1/secrets/{secretId}'>().toExtend<PathsWith<'PATCH'>>();
    expectTypeOf<'/v1/secrets'>().not.toExtend<PathsWith<'PATCH'>>();
    expectTypeOf<Data<Operation<'GET', '/v1/secrets/{secretId}'>>>().toEqualTypeOf<Schema<'Secret'>>();
    expectTypeOf<Data<Operation<'GET', '/v1/secrets/{secretId}'>>>().not.toEqualTypeOf<Schema<'ApiKey'>>();
    expectTypeOf<Data<Operation<'DELETE', '/v1/secrets/{secretId}'>>>().toEqualTypeOf<undefined>();
  });

  it('refuses at compile time what the spec does not allow', () => {
    const never = () => {
      // @ts-expect-error: GET is not an operation of /v1/secrets:resolve
      http.call('GET', '/v1/secrets:resolve', {});
      // @ts-expect-error: the path parameter is missing
      http.call('GET', '/v1/secrets/{secretId}', {});
      // @ts-expect-error: the path parameter has another name
      http.call('GET', '/v1/secrets/{secretId}', { path: { id: 'x' } });
      http.call('GET', '/v1/workspaces/{workspaceId}/secrets/{key}', {
        // @ts-expect-error: the override key is the spec's enum
        path: { workspaceId: 'w', key: 'X' },
      });
      // @ts-expect-error: createSecret needs a body
      http.call('POST', '/v1/secrets', {});
      // @ts-expect-error: the body is the operation's own
      http.call('PUT', '/v1/secrets-manager', { body: { name: 'A' } });
      // @ts-expect-error: not a route of the spec
      http.call('GET', '/v1/secret', {});
    };
    expectTypeOf(never).toBeFunction();
  });
});

describe('named types', () => {
  it('each method reads with the names of its params and results', () => {
    expectTypeOf(coffer.secrets.get).returns.toEqualTypeOf<APIPromise<SecretMetadata>>();
    expectTypeOf(coffer.secrets.list).returns.toEqualTypeOf<PageIterable<SecretMetadata>>();
    expectTypeOf(coffer.secrets.resolve).returns.toEqualTypeOf<APIPromise<ResolveResult>>();
    expectTypeOf(coffer.apiKeys.create).returns.toEqualTypeOf<APIPromise<ApiKeyCreated>>();
    expectTypeOf<ResolveResult['items'][number]['value']>().toEqualTypeOf<Secret>();
    expectTypeOf<ApiKeyCreated['token']>().toEqualTypeOf<Secret>();
    expectTypeOf<WorkspaceSecret['key']>().toEqualTypeOf<WorkspaceSecretKey>();
    expectTypeOf(coffer.organizations.get).returns.toEqualTypeOf<APIPromise<Organization>>();
    expectTypeOf(coffer.teams.list).returns.toEqualTypeOf<PageIterable<Team>>();
    expectTypeOf(coffer.workspaces.update).returns.toEqualTypeOf<APIPromise<Workspace>>();
    expectTypeOf(coffer.workspaces.delete).returns.toEqualTypeOf<APIPromise<void>>();
    expectTypeOf<Workspace['teamId']>().toEqualTypeOf<string | null>();
  });

  it("tenancy bodies are the spec's: a workspace move takes a team id or null; unknown fields do not compile", () => {
    const calls = () => {
      coffer.workspaces.update('ws', { teamId: null });
      coffer.workspaces.update('ws', { teamId: 'risk', name: 'Risk agents' });
      coffer.teams.delete('payments', { cascade: true });
      // @ts-expect-error: a team has no teamId to move
      coffer.teams.update('payments', { teamId: 'risk' });
      // @ts-expect-error: the id is required
      coffer.workspaces.create({ teamId: 'payments' });
      // @ts-expect-error: cascade is a boolean
      coffer.organizations.delete('acme', { cascade: 'yes' });
    };
    expectTypeOf(calls).toBeFunction();
  });

  it('workspaceSecrets.put takes the allowed keys; a misspelt literal does not compile', () => {
    const calls = (key: string) => {
      coffer.workspaceSecrets.put('ws', 'OPENAI_API_KEY', { value: new Secret('v') });
      // @ts-expect-error: not one of the spec's keys
      coffer.workspaceSecrets.put('ws', 'OPENAI_KEY', { value: 'v' });
      // a key only known at run time (a file, a Terraform state) still compiles, and is checked before sending
      coffer.workspaceSecrets.put('ws', key, { value: 'v' });
    };
    expectTypeOf(calls).toBeFunction();
  });
});
