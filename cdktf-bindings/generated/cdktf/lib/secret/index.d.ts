import { Construct } from 'constructs';
import * as cdktf from 'cdktf';
export interface SecretConfig extends cdktf.TerraformMetaArguments {
    /**
    * provider, infrastructure, integration or agent (the server picks one when unset).
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secret#category Secret#category}
    */
    readonly category?: string;
    /**
    * Free text (up to 1024 characters).
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secret#description Secret#description}
    */
    readonly description?: string;
    /**
    * RFC 3339 time after which the secret no longer resolves.
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secret#expires_at Secret#expires_at}
    */
    readonly expiresAt?: string;
    /**
    * An environment-variable name, unique in its scope. Changing it replaces the secret.
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secret#name Secret#name}
    */
    readonly name: string;
    /**
    * The organization, team or workspace id. Changing it replaces the secret.
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secret#scope_id Secret#scope_id}
    */
    readonly scopeId: string;
    /**
    * organization, team or workspace. Changing it replaces the secret.
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secret#scope_type Secret#scope_type}
    */
    readonly scopeType: string;
    /**
    * The secret value (sensitive: hidden in output, but stored in the state). Prefer value_wo. Conflicts with value_wo.
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secret#value Secret#value}
    */
    readonly value?: string;
    /**
    * The secret value, write-only: sent to the API on create and whenever value_wo_version changes, never stored in the state or the plan. Needs OpenTofu/Terraform >= 1.11. Conflicts with value.
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secret#value_wo Secret#value_wo}
    */
    readonly valueWo?: string;
    /**
    * Bump to send a new value_wo (write-only values are never compared with anything).
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secret#value_wo_version Secret#value_wo_version}
    */
    readonly valueWoVersion?: number;
    /**
    * Under the READONLY_VAULT backend, what the secret is: a reference `path#key` to a string field of a Vault secret (e.g. `secret/data/payments/stripe#api_key` on KV v2), which Coffer reads and never writes. The server checks that the field exists. A changed reference is an update (a new version). Conflicts with value and value_wo.
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secret#vault_ref Secret#vault_ref}
    */
    readonly vaultRef?: string;
}
/**
* Represents a {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secret coffer_secret}
*/
export declare class Secret extends cdktf.TerraformResource {
    static readonly tfResourceType = "coffer_secret";
    /**
    * Generates CDKTF code for importing a Secret resource upon running "cdktf plan <stack-name>"
    * @param scope The scope in which to define this construct
    * @param importToId The construct id used in the generated config for the Secret to import
    * @param importFromId The id of the existing Secret that should be imported. Refer to the {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secret#import import section} in the documentation of this resource for the id to use
    * @param provider? Optional instance of the provider where the Secret to import is found
    */
    static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider): cdktf.ImportableResource;
    /**
    * Create a new {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secret coffer_secret} Resource
    *
    * @param scope The scope in which to define this construct
    * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
    * @param options SecretConfig
    */
    constructor(scope: Construct, id: string, config: SecretConfig);
    private _category?;
    get category(): string;
    set category(value: string);
    resetCategory(): void;
    get categoryInput(): string | undefined;
    get createdAt(): string;
    private _description?;
    get description(): string;
    set description(value: string);
    resetDescription(): void;
    get descriptionInput(): string | undefined;
    private _expiresAt?;
    get expiresAt(): string;
    set expiresAt(value: string);
    resetExpiresAt(): void;
    get expiresAtInput(): string | undefined;
    get id(): string;
    private _name?;
    get name(): string;
    set name(value: string);
    get nameInput(): string | undefined;
    private _scopeId?;
    get scopeId(): string;
    set scopeId(value: string);
    get scopeIdInput(): string | undefined;
    private _scopeType?;
    get scopeType(): string;
    set scopeType(value: string);
    get scopeTypeInput(): string | undefined;
    get updatedAt(): string;
    private _value?;
    get value(): string;
    set value(value: string);
    resetValue(): void;
    get valueInput(): string | undefined;
    private _valueWo?;
    get valueWo(): string;
    set valueWo(value: string);
    resetValueWo(): void;
    get valueWoInput(): string | undefined;
    private _valueWoVersion?;
    get valueWoVersion(): number;
    set valueWoVersion(value: number);
    resetValueWoVersion(): void;
    get valueWoVersionInput(): number | undefined;
    private _vaultRef?;
    get vaultRef(): string;
    set vaultRef(value: string);
    resetVaultRef(): void;
    get vaultRefInput(): string | undefined;
    get version(): number;
    protected synthesizeAttributes(): {
        [name: string]: any;
    };
    protected synthesizeHclAttributes(): {
        [name: string]: any;
    };
}
