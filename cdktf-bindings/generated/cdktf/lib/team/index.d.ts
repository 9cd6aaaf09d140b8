import { Construct } from 'constructs';
import * as cdktf from 'cdktf';
export interface TeamConfig extends cdktf.TerraformMetaArguments {
    /**
    * When true, destroying the team also deletes what it still holds: its secrets, its workspaces with their secrets and overrides, and revokes the API keys on them (the API's cascade=true). Default false: destroying a team that still holds anything fails and names what is left. Apply the change before the destroy that needs it.
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/team#delete_contents Team#delete_contents}
    */
    readonly deleteContents?: boolean | cdktf.IResolvable;
    /**
    * The team id, unique in the whole deployment (secrets, overrides and API keys name the team by it). Changing it replaces the team.
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/team#id Team#id}
    *
    * Please be aware that the id field is automatically added to all resources in Terraform providers using a Terraform provider SDK version below 2.
    * If you experience problems setting this value it might not be settable. Please take a look at the provider documentation to ensure it should be settable.
    */
    readonly id: string;
    /**
    * Display name (1 to 128 characters, no leading or trailing spaces). Defaults to the id; removing it from the configuration renames the team back to its id.
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/team#name Team#name}
    */
    readonly name?: string;
    /**
    * The organization the team belongs to, for good (default: the API key's own organization). Changing it replaces the team.
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/team#organization_id Team#organization_id}
    */
    readonly organizationId?: string;
}
/**
* Represents a {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/team coffer_team}
*/
export declare class Team extends cdktf.TerraformResource {
    static readonly tfResourceType = "coffer_team";
    /**
    * Generates CDKTF code for importing a Team resource upon running "cdktf plan <stack-name>"
    * @param scope The scope in which to define this construct
    * @param importToId The construct id used in the generated config for the Team to import
    * @param importFromId The id of the existing Team that should be imported. Refer to the {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/team#import import section} in the documentation of this resource for the id to use
    * @param provider? Optional instance of the provider where the Team to import is found
    */
    static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider): cdktf.ImportableResource;
    /**
    * Create a new {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/team coffer_team} Resource
    *
    * @param scope The scope in which to define this construct
    * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
    * @param options TeamConfig
    */
    constructor(scope: Construct, id: string, config: TeamConfig);
    get createdAt(): string;
    private _deleteContents?;
    get deleteContents(): boolean | cdktf.IResolvable;
    set deleteContents(value: boolean | cdktf.IResolvable);
    resetDeleteContents(): void;
    get deleteContentsInput(): boolean | cdktf.IResolvable | undefined;
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
    get updatedAt(): string;
    protected synthesizeAttributes(): {
        [name: string]: any;
    };
    protected synthesizeHclAttributes(): {
        [name: string]: any;
    };
}
