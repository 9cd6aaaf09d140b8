import { Construct } from 'constructs';
import * as cdktn from 'cdktn';
export interface WorkspaceConfig extends cdktn.TerraformMetaArguments {
    /**
    * When true, destroying the workspace also deletes the secrets and overrides it still holds (the API's cascade=true). Default false: destroying a workspace that still holds anything fails and names what is left. Apply the change before the destroy that needs it.
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/workspace#delete_contents Workspace#delete_contents}
    */
    readonly deleteContents?: boolean | cdktn.IResolvable;
    /**
    * The workspace id, unique in the whole deployment (secrets, overrides and API keys name the workspace by it). Changing it replaces the workspace.
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/workspace#id Workspace#id}
    *
    * Please be aware that the id field is automatically added to all resources in Terraform providers using a Terraform provider SDK version below 2.
    * If you experience problems setting this value it might not be settable. Please take a look at the provider documentation to ensure it should be settable.
    */
    readonly id: string;
    /**
    * Display name (1 to 128 characters, no leading or trailing spaces). Defaults to the id; removing it from the configuration renames the workspace back to its id.
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/workspace#name Workspace#name}
    */
    readonly name?: string;
    /**
    * The organization the workspace belongs to, for good (default: the API key's own organization). Changing it replaces the workspace.
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/workspace#organization_id Workspace#organization_id}
    */
    readonly organizationId?: string;
    /**
    * The team the workspace belongs to (a team of the same organization), or null for a workspace directly in its organization. Changing it moves the workspace in place (audited as workspace.moved): from then on it resolves the new team's secrets instead of the old one's.
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/workspace#team_id Workspace#team_id}
    */
    readonly teamId?: string;
}
/**
* Represents a {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/workspace coffer_workspace}
*/
export declare class Workspace extends cdktn.TerraformResource {
    static readonly tfResourceType = "coffer_workspace";
    /**
    * Generates CDKTN code for importing a Workspace resource upon running "cdktn plan <stack-name>"
    * @param scope The scope in which to define this construct
    * @param importToId The construct id used in the generated config for the Workspace to import
    * @param importFromId The id of the existing Workspace that should be imported. Refer to the {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/workspace#import import section} in the documentation of this resource for the id to use
    * @param provider? Optional instance of the provider where the Workspace to import is found
    */
    static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktn.TerraformProvider): cdktn.ImportableResource;
    /**
    * Create a new {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/workspace coffer_workspace} Resource
    *
    * @param scope The scope in which to define this construct
    * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
    * @param options WorkspaceConfig
    */
    constructor(scope: Construct, id: string, config: WorkspaceConfig);
    get createdAt(): string;
    private _deleteContents?;
    get deleteContents(): boolean | cdktn.IResolvable;
    set deleteContents(value: boolean | cdktn.IResolvable);
    resetDeleteContents(): void;
    get deleteContentsInput(): boolean | cdktn.IResolvable | undefined;
    private _id?;
    get id(): string;
    set id(value: string);
    get idInput(): string | undefined;
    private _name?;
    get name(): string;
    set name(value: string);
    resetName(): void;
    get nameInput(): string | undefined;
    private _organizationId?;
    get organizationId(): string;
    set organizationId(value: string);
    resetOrganizationId(): void;
    get organizationIdInput(): string | undefined;
    private _teamId?;
    get teamId(): string;
    set teamId(value: string);
    resetTeamId(): void;
    get teamIdInput(): string | undefined;
    get updatedAt(): string;
    protected synthesizeAttributes(): {
        [name: string]: any;
    };
    protected synthesizeHclAttributes(): {
        [name: string]: any;
    };
}
