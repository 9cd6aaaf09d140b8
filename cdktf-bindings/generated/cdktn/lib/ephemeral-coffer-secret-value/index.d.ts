import { Construct } from 'constructs';
import * as cdktn from 'cdktn';
export interface EphemeralCofferSecretValueConfig extends cdktn.TerraformEphemeralMetaArguments {
    /**
    * Set it to the version of the secret this reads (e.g. coffer_secret.db.version) when that secret is managed in the same configuration. Not sent to the API: while the secret is yet to be created or rotated, the version is unknown, and both OpenTofu and Terraform then read the value during apply, after the write, instead of during plan (Terraform opens ephemeral resources while planning, depends_on notwithstanding).
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/ephemeral-resources/secret_value#after_version EphemeralCofferSecretValue#after_version}
    */
    readonly afterVersion?: number;
    /**
    * The secret name.
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/ephemeral-resources/secret_value#name EphemeralCofferSecretValue#name}
    */
    readonly name: string;
    /**
    * Deprecated: leave it out. The team layer is the workspace's own team (from the workspace record), so team secrets take part without it. Still accepted and sent when set, and then it must name that team (the API refuses any other team).
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/ephemeral-resources/secret_value#team_id EphemeralCofferSecretValue#team_id}
    */
    readonly teamId?: string;
    /**
    * The workspace resolving the name.
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/ephemeral-resources/secret_value#workspace_id EphemeralCofferSecretValue#workspace_id}
    */
    readonly workspaceId: string;
}
/**
* Represents a {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/ephemeral-resources/secret_value coffer_secret_value}
*/
export declare class EphemeralCofferSecretValue extends cdktn.TerraformEphemeralResource {
    static readonly tfResourceType = "coffer_secret_value";
    /**
    * Create a new {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/ephemeral-resources/secret_value coffer_secret_value} Ephemeral Resource
    *
    * @param scope The scope in which to define this construct
    * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
    * @param options EphemeralCofferSecretValueConfig
    */
    constructor(scope: Construct, id: string, config: EphemeralCofferSecretValueConfig);
    private _afterVersion?;
    get afterVersion(): number;
    set afterVersion(value: number);
    resetAfterVersion(): void;
    get afterVersionInput(): number | undefined;
    private _name?;
    get name(): string;
    set name(value: string);
    get nameInput(): string | undefined;
    get scopeType(): string;
    get source(): string;
    private _teamId?;
    get teamId(): string;
    set teamId(value: string);
    resetTeamId(): void;
    get teamIdInput(): string | undefined;
    get value(): string;
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
