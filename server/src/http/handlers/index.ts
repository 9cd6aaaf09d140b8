/** operationId → handler. The server refuses to start when this and the spec disagree. */
import type { HandlerTable } from '../server.ts';
import { createApiKey, getApiKey, listApiKeys, revokeApiKey } from './api-keys.ts';
import { listAuditEvents, listSecretReads } from './audit.ts';
import { getHealth, getReadiness } from './health.ts';
import { getApiReference, getOpenApiJson, getOpenApiYaml } from './reference.ts';
import { resolveSecrets } from './resolve.ts';
import { createSecret, deleteSecret, getSecret, listSecrets, updateSecret } from './secrets.ts';
import { checkSecretsManager, getSecretsManager, putSecretsManager } from './secrets-manager.ts';
import {
  deleteWorkspaceSecret,
  getWorkspaceSecret,
  listWorkspaceSecrets,
  putWorkspaceSecret,
} from './workspace-secrets.ts';

export const HANDLERS: HandlerTable = {
  public: { getHealth, getReadiness, getOpenApiJson, getOpenApiYaml, getApiReference },
  authenticated: {
    getSecretsManager,
    putSecretsManager,
    checkSecretsManager,
    createSecret,
    listSecrets,
    getSecret,
    updateSecret,
    deleteSecret,
    resolveSecrets,
    listWorkspaceSecrets,
    putWorkspaceSecret,
    getWorkspaceSecret,
    deleteWorkspaceSecret,
    listSecretReads,
    listAuditEvents,
    createApiKey,
    listApiKeys,
    getApiKey,
    revokeApiKey,
  },
};
