import { Construct } from 'constructs';
import * as cdktf from 'cdktf';
export interface DataCofferWorkspaceSecretsConfig extends cdktf.TerraformMetaArguments {
    /**
    * The workspace.
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/data-sources/workspace_secrets#workspace_id DataCofferWorkspaceSecrets#workspace_id}
    */
    readonly workspaceId: string;
}
export interface DataCofferWorkspaceSecretsSecrets {
}
export declare function dataCofferWorkspaceSecretsSecretsToTerraform(struct?: DataCofferWorkspaceSecretsSecrets): any;
export declare function dataCofferWorkspaceSecretsSecretsToHclTerraform(struct?: DataCofferWorkspaceSecretsSecrets): any;
export declare class DataCofferWorkspaceSecretsSecretsOutputReference extends cdktf.ComplexObject {
    private isEmptyObject;
    /**
    * @param terraformResource The parent resource
    * @param terraformAttribute The attribute on the parent resource this class is referencing
    * @param complexObjectIndex the index of this item in the list
    * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
    */
    constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean);
    get internalValue(): DataCofferWorkspaceSecretsSecrets | undefined;
    set internalValue(value: DataCofferWorkspaceSecretsSecrets | undefined);
    get key(): string;
    get version(): number;
}
export declare class DataCofferWorkspaceSecretsSecretsList extends cdktf.ComplexList {
    protected terraformResource: cdktf.IInterpolatingParent;
    protected terraformAttribute: string;
    protected wrapsSet: boolean;
    /**
    * @param terraformResource The parent resource
    * @param terraformAttribute The attribute on the parent resource this class is referencing
    * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
    */
    constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, wrapsSet: boolean);
    /**
    * @param index the index of the item to return
    */
    get(index: number): DataCofferWorkspaceSecretsSecretsOutputReference;
}
/**
* Represents a {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/data-sources/workspace_secrets coffer_workspace_secrets}
*/
export declare class DataCofferWorkspaceSecrets extends cdktf.TerraformDataSource {
    static readonly tfResourceType = "coffer_workspace_secrets";
    /**
    * Generates CDKTF code for importing a DataCofferWorkspaceSecrets resource upon running "cdktf plan <stack-name>"
    * @param scope The scope in which to define this construct
    * @param importToId The construct id used in the generated config for the DataCofferWorkspaceSecrets to import
    * @param importFromId The id of the existing DataCofferWorkspaceSecrets that should be imported. Refer to the {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/data-sources/workspace_secrets#import import section} in the documentation of this resource for the id to use
    * @param provider? Optional instance of the provider where the DataCofferWorkspaceSecrets to import is found
    */
    static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider): cdktf.ImportableResource;
    /**
    * Create a new {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/data-sources/workspace_secrets coffer_workspace_secrets} Data Source
    *
    * @param scope The scope in which to define this construct
    * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
    * @param options DataCofferWorkspaceSecretsConfig
    */
    constructor(scope: Construct, id: string, config: DataCofferWorkspaceSecretsConfig);
    private _secrets;
    get secrets(): DataCofferWorkspaceSecretsSecretsList;
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
