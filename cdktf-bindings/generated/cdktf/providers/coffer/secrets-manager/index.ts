// https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secrets_manager
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

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

export function secretsManagerAwsToTerraform(struct?: SecretsManagerAws | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    endpoint: cdktf.stringToTerraform(struct!.endpoint),
    recovery_window_days: cdktf.numberToTerraform(struct!.recoveryWindowDays),
    region: cdktf.stringToTerraform(struct!.region),
    secret_prefix: cdktf.stringToTerraform(struct!.secretPrefix),
  }
}


export function secretsManagerAwsToHclTerraform(struct?: SecretsManagerAws | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    endpoint: {
      value: cdktf.stringToHclTerraform(struct!.endpoint),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    recovery_window_days: {
      value: cdktf.numberToHclTerraform(struct!.recoveryWindowDays),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    region: {
      value: cdktf.stringToHclTerraform(struct!.region),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    secret_prefix: {
      value: cdktf.stringToHclTerraform(struct!.secretPrefix),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class SecretsManagerAwsOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): SecretsManagerAws | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._endpoint !== undefined) {
      hasAnyValues = true;
      internalValueResult.endpoint = this._endpoint;
    }
    if (this._recoveryWindowDays !== undefined) {
      hasAnyValues = true;
      internalValueResult.recoveryWindowDays = this._recoveryWindowDays;
    }
    if (this._region !== undefined) {
      hasAnyValues = true;
      internalValueResult.region = this._region;
    }
    if (this._secretPrefix !== undefined) {
      hasAnyValues = true;
      internalValueResult.secretPrefix = this._secretPrefix;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: SecretsManagerAws | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._endpoint = undefined;
      this._recoveryWindowDays = undefined;
      this._region = undefined;
      this._secretPrefix = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._endpoint = value.endpoint;
      this._recoveryWindowDays = value.recoveryWindowDays;
      this._region = value.region;
      this._secretPrefix = value.secretPrefix;
    }
  }

  // endpoint - computed: false, optional: true, required: false
  private _endpoint?: string; 
  public get endpoint() {
    return this.getStringAttribute('endpoint');
  }
  public set endpoint(value: string) {
    this._endpoint = value;
  }
  public resetEndpoint() {
    this._endpoint = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get endpointInput() {
    return this._endpoint;
  }

  // recovery_window_days - computed: false, optional: true, required: false
  private _recoveryWindowDays?: number; 
  public get recoveryWindowDays() {
    return this.getNumberAttribute('recovery_window_days');
  }
  public set recoveryWindowDays(value: number) {
    this._recoveryWindowDays = value;
  }
  public resetRecoveryWindowDays() {
    this._recoveryWindowDays = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get recoveryWindowDaysInput() {
    return this._recoveryWindowDays;
  }

  // region - computed: false, optional: false, required: true
  private _region?: string; 
  public get region() {
    return this.getStringAttribute('region');
  }
  public set region(value: string) {
    this._region = value;
  }
  // Temporarily expose input value. Use with caution.
  public get regionInput() {
    return this._region;
  }

  // secret_prefix - computed: false, optional: true, required: false
  private _secretPrefix?: string; 
  public get secretPrefix() {
    return this.getStringAttribute('secret_prefix');
  }
  public set secretPrefix(value: string) {
    this._secretPrefix = value;
  }
  public resetSecretPrefix() {
    this._secretPrefix = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get secretPrefixInput() {
    return this._secretPrefix;
  }
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

export function secretsManagerVaultAwsToTerraform(struct?: SecretsManagerVaultAws | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    iam_server_id: cdktf.stringToTerraform(struct!.iamServerId),
    mount_point: cdktf.stringToTerraform(struct!.mountPoint),
    region: cdktf.stringToTerraform(struct!.region),
    role: cdktf.stringToTerraform(struct!.role),
    sts_endpoint: cdktf.stringToTerraform(struct!.stsEndpoint),
  }
}


export function secretsManagerVaultAwsToHclTerraform(struct?: SecretsManagerVaultAws | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    iam_server_id: {
      value: cdktf.stringToHclTerraform(struct!.iamServerId),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    mount_point: {
      value: cdktf.stringToHclTerraform(struct!.mountPoint),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    region: {
      value: cdktf.stringToHclTerraform(struct!.region),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    role: {
      value: cdktf.stringToHclTerraform(struct!.role),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    sts_endpoint: {
      value: cdktf.stringToHclTerraform(struct!.stsEndpoint),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class SecretsManagerVaultAwsOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): SecretsManagerVaultAws | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._iamServerId !== undefined) {
      hasAnyValues = true;
      internalValueResult.iamServerId = this._iamServerId;
    }
    if (this._mountPoint !== undefined) {
      hasAnyValues = true;
      internalValueResult.mountPoint = this._mountPoint;
    }
    if (this._region !== undefined) {
      hasAnyValues = true;
      internalValueResult.region = this._region;
    }
    if (this._role !== undefined) {
      hasAnyValues = true;
      internalValueResult.role = this._role;
    }
    if (this._stsEndpoint !== undefined) {
      hasAnyValues = true;
      internalValueResult.stsEndpoint = this._stsEndpoint;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: SecretsManagerVaultAws | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._iamServerId = undefined;
      this._mountPoint = undefined;
      this._region = undefined;
      this._role = undefined;
      this._stsEndpoint = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._iamServerId = value.iamServerId;
      this._mountPoint = value.mountPoint;
      this._region = value.region;
      this._role = value.role;
      this._stsEndpoint = value.stsEndpoint;
    }
  }

  // iam_server_id - computed: false, optional: true, required: false
  private _iamServerId?: string; 
  public get iamServerId() {
    return this.getStringAttribute('iam_server_id');
  }
  public set iamServerId(value: string) {
    this._iamServerId = value;
  }
  public resetIamServerId() {
    this._iamServerId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get iamServerIdInput() {
    return this._iamServerId;
  }

  // mount_point - computed: true, optional: true, required: false
  private _mountPoint?: string; 
  public get mountPoint() {
    return this.getStringAttribute('mount_point');
  }
  public set mountPoint(value: string) {
    this._mountPoint = value;
  }
  public resetMountPoint() {
    this._mountPoint = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get mountPointInput() {
    return this._mountPoint;
  }

  // region - computed: true, optional: true, required: false
  private _region?: string; 
  public get region() {
    return this.getStringAttribute('region');
  }
  public set region(value: string) {
    this._region = value;
  }
  public resetRegion() {
    this._region = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get regionInput() {
    return this._region;
  }

  // role - computed: false, optional: false, required: true
  private _role?: string; 
  public get role() {
    return this.getStringAttribute('role');
  }
  public set role(value: string) {
    this._role = value;
  }
  // Temporarily expose input value. Use with caution.
  public get roleInput() {
    return this._role;
  }

  // sts_endpoint - computed: false, optional: true, required: false
  private _stsEndpoint?: string; 
  public get stsEndpoint() {
    return this.getStringAttribute('sts_endpoint');
  }
  public set stsEndpoint(value: string) {
    this._stsEndpoint = value;
  }
  public resetStsEndpoint() {
    this._stsEndpoint = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get stsEndpointInput() {
    return this._stsEndpoint;
  }
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

export function secretsManagerVaultK8SToTerraform(struct?: SecretsManagerVaultK8S | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    mount_point: cdktf.stringToTerraform(struct!.mountPoint),
    role: cdktf.stringToTerraform(struct!.role),
    token_path: cdktf.stringToTerraform(struct!.tokenPath),
  }
}


export function secretsManagerVaultK8SToHclTerraform(struct?: SecretsManagerVaultK8S | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    mount_point: {
      value: cdktf.stringToHclTerraform(struct!.mountPoint),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    role: {
      value: cdktf.stringToHclTerraform(struct!.role),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    token_path: {
      value: cdktf.stringToHclTerraform(struct!.tokenPath),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class SecretsManagerVaultK8SOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): SecretsManagerVaultK8S | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._mountPoint !== undefined) {
      hasAnyValues = true;
      internalValueResult.mountPoint = this._mountPoint;
    }
    if (this._role !== undefined) {
      hasAnyValues = true;
      internalValueResult.role = this._role;
    }
    if (this._tokenPath !== undefined) {
      hasAnyValues = true;
      internalValueResult.tokenPath = this._tokenPath;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: SecretsManagerVaultK8S | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._mountPoint = undefined;
      this._role = undefined;
      this._tokenPath = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._mountPoint = value.mountPoint;
      this._role = value.role;
      this._tokenPath = value.tokenPath;
    }
  }

  // mount_point - computed: true, optional: true, required: false
  private _mountPoint?: string; 
  public get mountPoint() {
    return this.getStringAttribute('mount_point');
  }
  public set mountPoint(value: string) {
    this._mountPoint = value;
  }
  public resetMountPoint() {
    this._mountPoint = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get mountPointInput() {
    return this._mountPoint;
  }

  // role - computed: false, optional: false, required: true
  private _role?: string; 
  public get role() {
    return this.getStringAttribute('role');
  }
  public set role(value: string) {
    this._role = value;
  }
  // Temporarily expose input value. Use with caution.
  public get roleInput() {
    return this._role;
  }

  // token_path - computed: true, optional: true, required: false
  private _tokenPath?: string; 
  public get tokenPath() {
    return this.getStringAttribute('token_path');
  }
  public set tokenPath(value: string) {
    this._tokenPath = value;
  }
  public resetTokenPath() {
    this._tokenPath = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get tokenPathInput() {
    return this._tokenPath;
  }
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

export function secretsManagerVaultToTerraform(struct?: SecretsManagerVault | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    address: cdktf.stringToTerraform(struct!.address),
    auth_method: cdktf.stringToTerraform(struct!.authMethod),
    aws: secretsManagerVaultAwsToTerraform(struct!.aws),
    k8s: secretsManagerVaultK8SToTerraform(struct!.k8S),
    kv_version: cdktf.numberToTerraform(struct!.kvVersion),
    namespace: cdktf.stringToTerraform(struct!.namespace),
    secret_metadata_path: cdktf.stringToTerraform(struct!.secretMetadataPath),
    secret_path: cdktf.stringToTerraform(struct!.secretPath),
    token_wo: cdktf.stringToTerraform(struct!.tokenWo),
    token_wo_version: cdktf.numberToTerraform(struct!.tokenWoVersion),
  }
}


export function secretsManagerVaultToHclTerraform(struct?: SecretsManagerVault | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    address: {
      value: cdktf.stringToHclTerraform(struct!.address),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    auth_method: {
      value: cdktf.stringToHclTerraform(struct!.authMethod),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    aws: {
      value: secretsManagerVaultAwsToHclTerraform(struct!.aws),
      isBlock: true,
      type: "struct",
      storageClassType: "SecretsManagerVaultAws",
    },
    k8s: {
      value: secretsManagerVaultK8SToHclTerraform(struct!.k8S),
      isBlock: true,
      type: "struct",
      storageClassType: "SecretsManagerVaultK8S",
    },
    kv_version: {
      value: cdktf.numberToHclTerraform(struct!.kvVersion),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    namespace: {
      value: cdktf.stringToHclTerraform(struct!.namespace),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    secret_metadata_path: {
      value: cdktf.stringToHclTerraform(struct!.secretMetadataPath),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    secret_path: {
      value: cdktf.stringToHclTerraform(struct!.secretPath),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    token_wo: {
      value: cdktf.stringToHclTerraform(struct!.tokenWo),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    token_wo_version: {
      value: cdktf.numberToHclTerraform(struct!.tokenWoVersion),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class SecretsManagerVaultOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): SecretsManagerVault | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._address !== undefined) {
      hasAnyValues = true;
      internalValueResult.address = this._address;
    }
    if (this._authMethod !== undefined) {
      hasAnyValues = true;
      internalValueResult.authMethod = this._authMethod;
    }
    if (this._aws?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.aws = this._aws?.internalValue;
    }
    if (this._k8S?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.k8S = this._k8S?.internalValue;
    }
    if (this._kvVersion !== undefined) {
      hasAnyValues = true;
      internalValueResult.kvVersion = this._kvVersion;
    }
    if (this._namespace !== undefined) {
      hasAnyValues = true;
      internalValueResult.namespace = this._namespace;
    }
    if (this._secretMetadataPath !== undefined) {
      hasAnyValues = true;
      internalValueResult.secretMetadataPath = this._secretMetadataPath;
    }
    if (this._secretPath !== undefined) {
      hasAnyValues = true;
      internalValueResult.secretPath = this._secretPath;
    }
    if (this._tokenWo !== undefined) {
      hasAnyValues = true;
      internalValueResult.tokenWo = this._tokenWo;
    }
    if (this._tokenWoVersion !== undefined) {
      hasAnyValues = true;
      internalValueResult.tokenWoVersion = this._tokenWoVersion;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: SecretsManagerVault | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._address = undefined;
      this._authMethod = undefined;
      this._aws.internalValue = undefined;
      this._k8S.internalValue = undefined;
      this._kvVersion = undefined;
      this._namespace = undefined;
      this._secretMetadataPath = undefined;
      this._secretPath = undefined;
      this._tokenWo = undefined;
      this._tokenWoVersion = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._address = value.address;
      this._authMethod = value.authMethod;
      this._aws.internalValue = value.aws;
      this._k8S.internalValue = value.k8S;
      this._kvVersion = value.kvVersion;
      this._namespace = value.namespace;
      this._secretMetadataPath = value.secretMetadataPath;
      this._secretPath = value.secretPath;
      this._tokenWo = value.tokenWo;
      this._tokenWoVersion = value.tokenWoVersion;
    }
  }

  // address - computed: false, optional: false, required: true
  private _address?: string; 
  public get address() {
    return this.getStringAttribute('address');
  }
  public set address(value: string) {
    this._address = value;
  }
  // Temporarily expose input value. Use with caution.
  public get addressInput() {
    return this._address;
  }

  // auth_method - computed: true, optional: true, required: false
  private _authMethod?: string; 
  public get authMethod() {
    return this.getStringAttribute('auth_method');
  }
  public set authMethod(value: string) {
    this._authMethod = value;
  }
  public resetAuthMethod() {
    this._authMethod = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get authMethodInput() {
    return this._authMethod;
  }

  // aws - computed: false, optional: true, required: false
  private _aws = new SecretsManagerVaultAwsOutputReference(this, "aws");
  public get aws() {
    return this._aws;
  }
  public putAws(value: SecretsManagerVaultAws) {
    this._aws.internalValue = value;
  }
  public resetAws() {
    this._aws.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get awsInput() {
    return this._aws.internalValue;
  }

  // k8s - computed: false, optional: true, required: false
  private _k8S = new SecretsManagerVaultK8SOutputReference(this, "k8s");
  public get k8S() {
    return this._k8S;
  }
  public putK8S(value: SecretsManagerVaultK8S) {
    this._k8S.internalValue = value;
  }
  public resetK8S() {
    this._k8S.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get k8SInput() {
    return this._k8S.internalValue;
  }

  // kv_version - computed: true, optional: true, required: false
  private _kvVersion?: number; 
  public get kvVersion() {
    return this.getNumberAttribute('kv_version');
  }
  public set kvVersion(value: number) {
    this._kvVersion = value;
  }
  public resetKvVersion() {
    this._kvVersion = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get kvVersionInput() {
    return this._kvVersion;
  }

  // namespace - computed: false, optional: true, required: false
  private _namespace?: string; 
  public get namespace() {
    return this.getStringAttribute('namespace');
  }
  public set namespace(value: string) {
    this._namespace = value;
  }
  public resetNamespace() {
    this._namespace = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get namespaceInput() {
    return this._namespace;
  }

  // secret_metadata_path - computed: true, optional: true, required: false
  private _secretMetadataPath?: string; 
  public get secretMetadataPath() {
    return this.getStringAttribute('secret_metadata_path');
  }
  public set secretMetadataPath(value: string) {
    this._secretMetadataPath = value;
  }
  public resetSecretMetadataPath() {
    this._secretMetadataPath = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get secretMetadataPathInput() {
    return this._secretMetadataPath;
  }

  // secret_path - computed: true, optional: true, required: false
  private _secretPath?: string; 
  public get secretPath() {
    return this.getStringAttribute('secret_path');
  }
  public set secretPath(value: string) {
    this._secretPath = value;
  }
  public resetSecretPath() {
    this._secretPath = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get secretPathInput() {
    return this._secretPath;
  }

  // token_wo - computed: false, optional: true, required: false
  private _tokenWo?: string; 
  public get tokenWo() {
    return this.getStringAttribute('token_wo');
  }
  public set tokenWo(value: string) {
    this._tokenWo = value;
  }
  public resetTokenWo() {
    this._tokenWo = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get tokenWoInput() {
    return this._tokenWo;
  }

  // token_wo_version - computed: false, optional: true, required: false
  private _tokenWoVersion?: number; 
  public get tokenWoVersion() {
    return this.getNumberAttribute('token_wo_version');
  }
  public set tokenWoVersion(value: number) {
    this._tokenWoVersion = value;
  }
  public resetTokenWoVersion() {
    this._tokenWoVersion = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get tokenWoVersionInput() {
    return this._tokenWoVersion;
  }
}

/**
* Represents a {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secrets_manager coffer_secrets_manager}
*/
export class SecretsManager extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "coffer_secrets_manager";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a SecretsManager resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the SecretsManager to import
  * @param importFromId The id of the existing SecretsManager that should be imported. Refer to the {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secrets_manager#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the SecretsManager to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "coffer_secrets_manager", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secrets_manager coffer_secrets_manager} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options SecretsManagerConfig
  */
  public constructor(scope: Construct, id: string, config: SecretsManagerConfig) {
    super(scope, id, {
      terraformResourceType: 'coffer_secrets_manager',
      terraformGeneratorMetadata: {
        providerName: 'coffer',
        providerVersion: '0.1.0'
      },
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      connection: config.connection,
      forEach: config.forEach
    });
    this._aws.internalValue = config.aws;
    this._backend = config.backend;
    this._cacheTtlSeconds = config.cacheTtlSeconds;
    this._fallback = config.fallback;
    this._vault.internalValue = config.vault;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // aws - computed: false, optional: true, required: false
  private _aws = new SecretsManagerAwsOutputReference(this, "aws");
  public get aws() {
    return this._aws;
  }
  public putAws(value: SecretsManagerAws) {
    this._aws.internalValue = value;
  }
  public resetAws() {
    this._aws.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get awsInput() {
    return this._aws.internalValue;
  }

  // backend - computed: false, optional: false, required: true
  private _backend?: string; 
  public get backend() {
    return this.getStringAttribute('backend');
  }
  public set backend(value: string) {
    this._backend = value;
  }
  // Temporarily expose input value. Use with caution.
  public get backendInput() {
    return this._backend;
  }

  // cache_ttl_seconds - computed: true, optional: true, required: false
  private _cacheTtlSeconds?: number; 
  public get cacheTtlSeconds() {
    return this.getNumberAttribute('cache_ttl_seconds');
  }
  public set cacheTtlSeconds(value: number) {
    this._cacheTtlSeconds = value;
  }
  public resetCacheTtlSeconds() {
    this._cacheTtlSeconds = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get cacheTtlSecondsInput() {
    return this._cacheTtlSeconds;
  }

  // effective_backend - computed: true, optional: false, required: false
  public get effectiveBackend() {
    return this.getStringAttribute('effective_backend');
  }

  // fallback - computed: true, optional: true, required: false
  private _fallback?: string; 
  public get fallback() {
    return this.getStringAttribute('fallback');
  }
  public set fallback(value: string) {
    this._fallback = value;
  }
  public resetFallback() {
    this._fallback = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get fallbackInput() {
    return this._fallback;
  }

  // fallback_reason - computed: true, optional: false, required: false
  public get fallbackReason() {
    return this.getStringAttribute('fallback_reason');
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // vault - computed: false, optional: true, required: false
  private _vault = new SecretsManagerVaultOutputReference(this, "vault");
  public get vault() {
    return this._vault;
  }
  public putVault(value: SecretsManagerVault) {
    this._vault.internalValue = value;
  }
  public resetVault() {
    this._vault.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get vaultInput() {
    return this._vault.internalValue;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      aws: secretsManagerAwsToTerraform(this._aws.internalValue),
      backend: cdktf.stringToTerraform(this._backend),
      cache_ttl_seconds: cdktf.numberToTerraform(this._cacheTtlSeconds),
      fallback: cdktf.stringToTerraform(this._fallback),
      vault: secretsManagerVaultToTerraform(this._vault.internalValue),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      aws: {
        value: secretsManagerAwsToHclTerraform(this._aws.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "SecretsManagerAws",
      },
      backend: {
        value: cdktf.stringToHclTerraform(this._backend),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      cache_ttl_seconds: {
        value: cdktf.numberToHclTerraform(this._cacheTtlSeconds),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      fallback: {
        value: cdktf.stringToHclTerraform(this._fallback),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      vault: {
        value: secretsManagerVaultToHclTerraform(this._vault.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "SecretsManagerVault",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
