export * as secret from './secret/index';
export * as secretsManager from './secrets-manager/index';
export * as workspaceSecret from './workspace-secret/index';
export * as dataCofferSecrets from './data-coffer-secrets/index';
export * as dataCofferSecretsManager from './data-coffer-secrets-manager/index';
export * as dataCofferWorkspaceSecrets from './data-coffer-workspace-secrets/index';
export * as ephemeralCofferSecretValue from './ephemeral-coffer-secret-value/index';
export * as provider from './provider/index';
