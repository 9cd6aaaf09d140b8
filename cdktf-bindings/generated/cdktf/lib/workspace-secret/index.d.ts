import { Construct } from 'constructs';
import * as cdktf from 'cdktf';
export interface WorkspaceSecretConfig extends cdktf.TerraformMetaArguments {
    /**
    * Expire the value this many days after each write (1 to 3650).
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/workspace_secret#expires_in_days WorkspaceSecret#expires_in_days}
    */
    readonly expiresInDays?: number;
    /**
    * The override key: OPENAI_API_KEY, ANTHROPIC_API_KEY, GEMINI_API_KEY, GROK_API_KEY, GROQ_API_KEY, BRAVE_API_KEY, RESEND_API_KEY. Changing it replaces the override.
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/workspace_secret#key WorkspaceSecret#key}
    */
    readonly key: string;
    /**
    * The secret value (sensitive: hidden in output, but stored in the state). Prefer value_wo. Conflicts with value_wo.
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/workspace_secret#value WorkspaceSecret#value}
    */
    readonly value?: string;
    /**
    * The secret value, write-only: sent to the API on create and whenever value_wo_version changes, never stored in the state or the plan. Needs OpenTofu/Terraform >= 1.11. Conflicts with value.
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/workspace_secret#value_wo WorkspaceSecret#value_wo}
    */
    readonly valueWo?: string;
    /**
    * Bump to send a new value_wo (write-only values are never compared with anything).
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/workspace_secret#value_wo_version WorkspaceSecret#value_wo_version}
    */
    readonly valueWoVersion?: number;
    /**
    * The workspace. Changing it replaces the override.
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/workspace_secret#workspace_id WorkspaceSecret#workspace_id}
    */
    readonly workspaceId: string;
}
/**
* Represents a {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/workspace_secret coffer_workspace_secret}
*/
export declare class WorkspaceSecret extends cdktf.TerraformResource {
    static readonly tfResourceType = "coffer_workspace_secret";
    /**
    * Generates CDKTF code for importing a WorkspaceSecret resource upon running "cdktf plan <stack-name>"
    * @param scope The scope in which to define this construct
    * @param importToId The construct id used in the generated config for the WorkspaceSecret to import
    * @param importFromId The id of the existing WorkspaceSecret that should be imported. Refer to the {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/workspace_secret#import import section} in the documentation of this resource for the id to use
    * @param provider? Optional instance of the provider where the WorkspaceSecret to import is found
    */
    static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider): cdktf.ImportableResource;
    /**
    * Create a new {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/workspace_secret coffer_workspace_secret} Resource
    *
    * @param scope The scope in which to define this construct
    * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
    * @param options WorkspaceSecretConfig
    */
    constructor(scope: Construct, id: string, config: WorkspaceSecretConfig);
    get createdAt(): string;
    get expiresAt(): string;
    private _expiresInDays?;
    get expiresInDays(): number;
    set expiresInDays(value: number);
    resetExpiresInDays(): void;
    get expiresInDaysInput(): number | undefined;
    get id(): string;
    private _key?;
    get key(): string;
    set key(value: string);
    get keyInput(): string | undefined;
    get setBy(): string;
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
    get version(): number;
    private _workspaceId?;
    get workspaceId(): string;
    set workspaceId(value: string);
    get workspaceIdInput(): string | undefined;
    protected synthesizeAttributes(): {
        [name: string]: any;
    };
    protected synthesizeHclAttributes(): {
        [name: string]: any;
    };
}
