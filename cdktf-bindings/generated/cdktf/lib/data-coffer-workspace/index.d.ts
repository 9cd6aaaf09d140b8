import { Construct } from 'constructs';
import * as cdktf from 'cdktf';
export interface DataCofferWorkspaceConfig extends cdktf.TerraformMetaArguments {
    /**
    * The workspace id.
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/data-sources/workspace#id DataCofferWorkspace#id}
    *
    * Please be aware that the id field is automatically added to all resources in Terraform providers using a Terraform provider SDK version below 2.
    * If you experience problems setting this value it might not be settable. Please take a look at the provider documentation to ensure it should be settable.
    */
    readonly id: string;
}
/**
* Represents a {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/data-sources/workspace coffer_workspace}
*/
export declare class DataCofferWorkspace extends cdktf.TerraformDataSource {
    static readonly tfResourceType = "coffer_workspace";
    /**
    * Generates CDKTF code for importing a DataCofferWorkspace resource upon running "cdktf plan <stack-name>"
    * @param scope The scope in which to define this construct
    * @param importToId The construct id used in the generated config for the DataCofferWorkspace to import
    * @param importFromId The id of the existing DataCofferWorkspace that should be imported. Refer to the {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/data-sources/workspace#import import section} in the documentation of this resource for the id to use
    * @param provider? Optional instance of the provider where the DataCofferWorkspace to import is found
    */
    static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider): cdktf.ImportableResource;
    /**
    * Create a new {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/data-sources/workspace coffer_workspace} Data Source
    *
    * @param scope The scope in which to define this construct
    * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
    * @param options DataCofferWorkspaceConfig
    */
    constructor(scope: Construct, id: string, config: DataCofferWorkspaceConfig);
    get createdAt(): string;
    private _id?;
    get id(): string;
    set id(value: string);
    get idInput(): string | undefined;
    get name(): string;
    get organizationId(): string;
    get teamId(): string;
    get updatedAt(): string;
    protected synthesizeAttributes(): {
        [name: string]: any;
    };
    protected synthesizeHclAttributes(): {
        [name: string]: any;
    };
}
