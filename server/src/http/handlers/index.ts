/** operationId → handler. The server refuses to start when this and the spec disagree. */
import type { HandlerTable } from '../server.ts';
import { createApiKey, getApiKey, listApiKeys, revokeApiKey } from './api-keys.ts';
import { listAuditEvents, listSecretReads } from './audit.ts';
import { getHealth, getReadiness } from './health.ts';
import {
  createOrganization,
  deleteOrganization,
  getOrganization,
  listOrganizations,
  updateOrganization,
} from './organizations.ts';
import { getApiReference, getOpenApiJson, getOpenApiYaml } from './reference.ts';
import { resolveSecrets } from './resolve.ts';
import { createSecret, deleteSecret, getSecret, listSecrets, updateSecret } from './secrets.ts';
import {
  checkSecretsManager,
  getSecretsManager,
  migrateSecretsManager,
  putSecretsManager,
} from './secrets-manager.ts';
import { createTeam, deleteTeam, getTeam, listTeams, updateTeam } from './teams.ts';
import {
  deleteWorkspaceSecret,
  getWorkspaceSecret,
  listWorkspaceSecrets,
  putWorkspaceSecret,
} from './workspace-secrets.ts';
import {
  createWorkspace,
  deleteWorkspace,
  getWorkspace,
  listWorkspaces,
  updateWorkspace,
} from './workspaces.ts';

export const HANDLERS: HandlerTable = {
  public: { getHealth, getReadiness, getOpenApiJson, getOpenApiYaml, getApiReference },
  authenticated: {
    createOrganization,
    listOrganizations,
    getOrganization,
    updateOrganization,
    deleteOrganization,
    createTeam,
    listTeams,
    getTeam,
    updateTeam,
    deleteTeam,
    createWorkspace,
    listWorkspaces,
    getWorkspace,
    updateWorkspace,
    deleteWorkspace,
    getSecretsManager,
    putSecretsManager,
    checkSecretsManager,
    migrateSecretsManager,
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
