export * as secret from './secret';
export * as secretsManager from './secrets-manager';
export * as workspaceSecret from './workspace-secret';
export * as dataCofferSecrets from './data-coffer-secrets';
export * as dataCofferSecretsManager from './data-coffer-secrets-manager';
export * as dataCofferWorkspaceSecrets from './data-coffer-workspace-secrets';
export * as provider from './provider';
