import { Construct } from 'constructs';
import * as cdktf from 'cdktf';
export interface SecretsManagerConfig extends cdktf.TerraformMetaArguments {
    /**
    * AWS Secrets Manager settings (AWS_SECRETS_MANAGER).
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secrets_manager#aws SecretsManager#aws}
    */
    readonly aws?: SecretsManagerAws;
    /**
    * DB, VAULT, READONLY_VAULT, AWS_SECRETS_MANAGER, ENV
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secrets_manager#backend SecretsManager#backend}
    */
    readonly backend: string;
    /**
    * Server-side cache TTL for resolved values (default 300; 0 disables).
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secrets_manager#cache_ttl_seconds SecretsManager#cache_ttl_seconds}
    */
    readonly cacheTtlSeconds?: number;
    /**
    * ENV or NONE (default): what a read does when a remote backend fails.
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secrets_manager#fallback SecretsManager#fallback}
    */
    readonly fallback?: string;
    /**
    * HashiCorp Vault / OpenBao settings (VAULT, READONLY_VAULT).
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secrets_manager#vault SecretsManager#vault}
    */
    readonly vault?: SecretsManagerVault;
}
export interface SecretsManagerAws {
    /**
    * Endpoint URL (VPC endpoints, local emulators).
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secrets_manager#endpoint SecretsManager#endpoint}
    */
    readonly endpoint?: string;
    /**
    * Days a deleted secret can be restored in AWS (when not set, 30; 1..6 count as 7; 0 deletes at once).
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secrets_manager#recovery_window_days SecretsManager#recovery_window_days}
    */
    readonly recoveryWindowDays?: number;
    /**
    * AWS region of Secrets Manager.
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secrets_manager#region SecretsManager#region}
    */
    readonly region: string;
    /**
    * Prepended to each secret's layout path to make its AWS name (when not set, coffer/).
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secrets_manager#secret_prefix SecretsManager#secret_prefix}
    */
    readonly secretPrefix?: string;
}
export declare function secretsManagerAwsToTerraform(struct?: SecretsManagerAws | cdktf.IResolvable): any;
export declare function secretsManagerAwsToHclTerraform(struct?: SecretsManagerAws | cdktf.IResolvable): any;
export declare class SecretsManagerAwsOutputReference extends cdktf.ComplexObject {
    private isEmptyObject;
    private resolvableValue?;
    /**
    * @param terraformResource The parent resource
    * @param terraformAttribute The attribute on the parent resource this class is referencing
    */
    constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string);
    get internalValue(): SecretsManagerAws | cdktf.IResolvable | undefined;
    set internalValue(value: SecretsManagerAws | cdktf.IResolvable | undefined);
    private _endpoint?;
    get endpoint(): string;
    set endpoint(value: string);
    resetEndpoint(): void;
    get endpointInput(): string | undefined;
    private _recoveryWindowDays?;
    get recoveryWindowDays(): number;
    set recoveryWindowDays(value: number);
    resetRecoveryWindowDays(): void;
    get recoveryWindowDaysInput(): number | undefined;
    private _region?;
    get region(): string;
    set region(value: string);
    get regionInput(): string | undefined;
    private _secretPrefix?;
    get secretPrefix(): string;
    set secretPrefix(value: string);
    resetSecretPrefix(): void;
    get secretPrefixInput(): string | undefined;
}
export interface SecretsManagerVaultAws {
    /**
    * X-Vault-AWS-IAM-Server-ID header value.
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secrets_manager#iam_server_id SecretsManager#iam_server_id}
    */
    readonly iamServerId?: string;
    /**
    * Auth mount (default aws).
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secrets_manager#mount_point SecretsManager#mount_point}
    */
    readonly mountPoint?: string;
    /**
    * AWS region (default us-east-1).
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secrets_manager#region SecretsManager#region}
    */
    readonly region?: string;
    /**
    * Vault AWS auth role.
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secrets_manager#role SecretsManager#role}
    */
    readonly role: string;
    /**
    * STS endpoint URL.
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secrets_manager#sts_endpoint SecretsManager#sts_endpoint}
    */
    readonly stsEndpoint?: string;
}
export declare function secretsManagerVaultAwsToTerraform(struct?: SecretsManagerVaultAws | cdktf.IResolvable): any;
export declare function secretsManagerVaultAwsToHclTerraform(struct?: SecretsManagerVaultAws | cdktf.IResolvable): any;
export declare class SecretsManagerVaultAwsOutputReference extends cdktf.ComplexObject {
    private isEmptyObject;
    private resolvableValue?;
    /**
    * @param terraformResource The parent resource
    * @param terraformAttribute The attribute on the parent resource this class is referencing
    */
    constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string);
    get internalValue(): SecretsManagerVaultAws | cdktf.IResolvable | undefined;
    set internalValue(value: SecretsManagerVaultAws | cdktf.IResolvable | undefined);
    private _iamServerId?;
    get iamServerId(): string;
    set iamServerId(value: string);
    resetIamServerId(): void;
    get iamServerIdInput(): string | undefined;
    private _mountPoint?;
    get mountPoint(): string;
    set mountPoint(value: string);
    resetMountPoint(): void;
    get mountPointInput(): string | undefined;
    private _region?;
    get region(): string;
    set region(value: string);
    resetRegion(): void;
    get regionInput(): string | undefined;
    private _role?;
    get role(): string;
    set role(value: string);
    get roleInput(): string | undefined;
    private _stsEndpoint?;
    get stsEndpoint(): string;
    set stsEndpoint(value: string);
    resetStsEndpoint(): void;
    get stsEndpointInput(): string | undefined;
}
export interface SecretsManagerVaultK8S {
    /**
    * Auth mount (default kubernetes).
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secrets_manager#mount_point SecretsManager#mount_point}
    */
    readonly mountPoint?: string;
    /**
    * Vault Kubernetes auth role.
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secrets_manager#role SecretsManager#role}
    */
    readonly role: string;
    /**
    * Service-account token file (default /var/run/secrets/kubernetes.io/serviceaccount/token).
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secrets_manager#token_path SecretsManager#token_path}
    */
    readonly tokenPath?: string;
}
export declare function secretsManagerVaultK8SToTerraform(struct?: SecretsManagerVaultK8S | cdktf.IResolvable): any;
export declare function secretsManagerVaultK8SToHclTerraform(struct?: SecretsManagerVaultK8S | cdktf.IResolvable): any;
export declare class SecretsManagerVaultK8SOutputReference extends cdktf.ComplexObject {
    private isEmptyObject;
    private resolvableValue?;
    /**
    * @param terraformResource The parent resource
    * @param terraformAttribute The attribute on the parent resource this class is referencing
    */
    constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string);
    get internalValue(): SecretsManagerVaultK8S | cdktf.IResolvable | undefined;
    set internalValue(value: SecretsManagerVaultK8S | cdktf.IResolvable | undefined);
    private _mountPoint?;
    get mountPoint(): string;
    set mountPoint(value: string);
    resetMountPoint(): void;
    get mountPointInput(): string | undefined;
    private _role?;
    get role(): string;
    set role(value: string);
    get roleInput(): string | undefined;
    private _tokenPath?;
    get tokenPath(): string;
    set tokenPath(value: string);
    resetTokenPath(): void;
    get tokenPathInput(): string | undefined;
}
export interface SecretsManagerVault {
    /**
    * Vault (or OpenBao) address, https://vault.internal:8200.
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secrets_manager#address SecretsManager#address}
    */
    readonly address: string;
    /**
    * TOKEN, K8S or AWS (default TOKEN): TOKEN sends token_wo, K8S needs the k8s block, AWS the aws block.
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secrets_manager#auth_method SecretsManager#auth_method}
    */
    readonly authMethod?: string;
    /**
    * AWS IAM auth settings (auth_method = "AWS").
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secrets_manager#aws SecretsManager#aws}
    */
    readonly aws?: SecretsManagerVaultAws;
    /**
    * K8S auth settings (auth_method = "K8S").
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secrets_manager#k8s SecretsManager#k8s}
    */
    readonly k8S?: SecretsManagerVaultK8S;
    /**
    * KV engine version, 1 or 2 (default 2).
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secrets_manager#kv_version SecretsManager#kv_version}
    */
    readonly kvVersion?: number;
    /**
    * Vault Enterprise namespace.
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secrets_manager#namespace SecretsManager#namespace}
    */
    readonly namespace?: string;
    /**
    * KV v2 metadata path for lists and deletes (default: secret_path with /data/ swapped for /metadata/; left out, it follows secret_path).
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secrets_manager#secret_metadata_path SecretsManager#secret_metadata_path}
    */
    readonly secretMetadataPath?: string;
    /**
    * Where secrets live (default secret/data/coffer for KV v2, secret/coffer for v1: left out, it follows kv_version).
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secrets_manager#secret_path SecretsManager#secret_path}
    */
    readonly secretPath?: string;
    /**
    * Vault token for TOKEN auth, write-only (never in state). Sent on create, when token_wo_version changes, and when auth_method returns to TOKEN.
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secrets_manager#token_wo SecretsManager#token_wo}
    */
    readonly tokenWo?: string;
    /**
    * Bump to send a new token_wo.
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secrets_manager#token_wo_version SecretsManager#token_wo_version}
    */
    readonly tokenWoVersion?: number;
}
export declare function secretsManagerVaultToTerraform(struct?: SecretsManagerVault | cdktf.IResolvable): any;
export declare function secretsManagerVaultToHclTerraform(struct?: SecretsManagerVault | cdktf.IResolvable): any;
export declare class SecretsManagerVaultOutputReference extends cdktf.ComplexObject {
    private isEmptyObject;
    private resolvableValue?;
    /**
    * @param terraformResource The parent resource
    * @param terraformAttribute The attribute on the parent resource this class is referencing
    */
    constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string);
    get internalValue(): SecretsManagerVault | cdktf.IResolvable | undefined;
    set internalValue(value: SecretsManagerVault | cdktf.IResolvable | undefined);
    private _address?;
    get address(): string;
    set address(value: string);
    get addressInput(): string | undefined;
    private _authMethod?;
    get authMethod(): string;
    set authMethod(value: string);
    resetAuthMethod(): void;
    get authMethodInput(): string | undefined;
    private _aws;
    get aws(): SecretsManagerVaultAwsOutputReference;
    putAws(value: SecretsManagerVaultAws): void;
    resetAws(): void;
    get awsInput(): cdktf.IResolvable | SecretsManagerVaultAws | undefined;
    private _k8S;
    get k8S(): SecretsManagerVaultK8SOutputReference;
    putK8S(value: SecretsManagerVaultK8S): void;
    resetK8S(): void;
    get k8SInput(): cdktf.IResolvable | SecretsManagerVaultK8S | undefined;
    private _kvVersion?;
    get kvVersion(): number;
    set kvVersion(value: number);
    resetKvVersion(): void;
    get kvVersionInput(): number | undefined;
    private _namespace?;
    get namespace(): string;
    set namespace(value: string);
    resetNamespace(): void;
    get namespaceInput(): string | undefined;
    private _secretMetadataPath?;
    get secretMetadataPath(): string;
    set secretMetadataPath(value: string);
    resetSecretMetadataPath(): void;
    get secretMetadataPathInput(): string | undefined;
    private _secretPath?;
    get secretPath(): string;
    set secretPath(value: string);
    resetSecretPath(): void;
    get secretPathInput(): string | undefined;
    private _tokenWo?;
    get tokenWo(): string;
    set tokenWo(value: string);
    resetTokenWo(): void;
    get tokenWoInput(): string | undefined;
    private _tokenWoVersion?;
    get tokenWoVersion(): number;
    set tokenWoVersion(value: number);
    resetTokenWoVersion(): void;
    get tokenWoVersionInput(): number | undefined;
}
/**
* Represents a {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secrets_manager coffer_secrets_manager}
*/
export declare class SecretsManager extends cdktf.TerraformResource {
    static readonly tfResourceType = "coffer_secrets_manager";
    /**
    * Generates CDKTF code for importing a SecretsManager resource upon running "cdktf plan <stack-name>"
    * @param scope The scope in which to define this construct
    * @param importToId The construct id used in the generated config for the SecretsManager to import
    * @param importFromId The id of the existing SecretsManager that should be imported. Refer to the {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secrets_manager#import import section} in the documentation of this resource for the id to use
    * @param provider? Optional instance of the provider where the SecretsManager to import is found
    */
    static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider): cdktf.ImportableResource;
    /**
    * Create a new {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secrets_manager coffer_secrets_manager} Resource
    *
    * @param scope The scope in which to define this construct
    * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
    * @param options SecretsManagerConfig
    */
    constructor(scope: Construct, id: string, config: SecretsManagerConfig);
    private _aws;
    get aws(): SecretsManagerAwsOutputReference;
    putAws(value: SecretsManagerAws): void;
    resetAws(): void;
    get awsInput(): SecretsManagerAws | cdktf.IResolvable | undefined;
    private _backend?;
    get backend(): string;
    set backend(value: string);
    get backendInput(): string | undefined;
    private _cacheTtlSeconds?;
    get cacheTtlSeconds(): number;
    set cacheTtlSeconds(value: number);
    resetCacheTtlSeconds(): void;
    get cacheTtlSecondsInput(): number | undefined;
    get effectiveBackend(): string;
    private _fallback?;
    get fallback(): string;
    set fallback(value: string);
    resetFallback(): void;
    get fallbackInput(): string | undefined;
    get fallbackReason(): string;
    get id(): string;
    private _vault;
    get vault(): SecretsManagerVaultOutputReference;
    putVault(value: SecretsManagerVault): void;
    resetVault(): void;
    get vaultInput(): SecretsManagerVault | cdktf.IResolvable | undefined;
    protected synthesizeAttributes(): {
        [name: string]: any;
    };
    protected synthesizeHclAttributes(): {
        [name: string]: any;
    };
}
