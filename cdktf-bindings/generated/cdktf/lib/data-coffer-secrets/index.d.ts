import { Construct } from 'constructs';
import * as cdktf from 'cdktf';
export interface DataCofferSecretsConfig extends cdktf.TerraformMetaArguments {
    /**
    * Only this category.
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/data-sources/secrets#category DataCofferSecrets#category}
    */
    readonly category?: string;
    /**
    * Only names starting with this.
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/data-sources/secrets#name_prefix DataCofferSecrets#name_prefix}
    */
    readonly namePrefix?: string;
    /**
    * Only this scope id.
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/data-sources/secrets#scope_id DataCofferSecrets#scope_id}
    */
    readonly scopeId?: string;
    /**
    * Only this scope type.
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/data-sources/secrets#scope_type DataCofferSecrets#scope_type}
    */
    readonly scopeType?: string;
}
export interface DataCofferSecretsSecrets {
}
export declare function dataCofferSecretsSecretsToTerraform(struct?: DataCofferSecretsSecrets): any;
export declare function dataCofferSecretsSecretsToHclTerraform(struct?: DataCofferSecretsSecrets): any;
export declare class DataCofferSecretsSecretsOutputReference extends cdktf.ComplexObject {
    private isEmptyObject;
    /**
    * @param terraformResource The parent resource
    * @param terraformAttribute The attribute on the parent resource this class is referencing
    * @param complexObjectIndex the index of this item in the list
    * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
    */
    constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean);
    get internalValue(): DataCofferSecretsSecrets | undefined;
    set internalValue(value: DataCofferSecretsSecrets | undefined);
    get id(): string;
    get name(): string;
    get scopeId(): string;
    get scopeType(): string;
    get version(): number;
}
export declare class DataCofferSecretsSecretsList extends cdktf.ComplexList {
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
    get(index: number): DataCofferSecretsSecretsOutputReference;
}
/**
* Represents a {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/data-sources/secrets coffer_secrets}
*/
export declare class DataCofferSecrets extends cdktf.TerraformDataSource {
    static readonly tfResourceType = "coffer_secrets";
    /**
    * Generates CDKTF code for importing a DataCofferSecrets resource upon running "cdktf plan <stack-name>"
    * @param scope The scope in which to define this construct
    * @param importToId The construct id used in the generated config for the DataCofferSecrets to import
    * @param importFromId The id of the existing DataCofferSecrets that should be imported. Refer to the {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/data-sources/secrets#import import section} in the documentation of this resource for the id to use
    * @param provider? Optional instance of the provider where the DataCofferSecrets to import is found
    */
    static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider): cdktf.ImportableResource;
    /**
    * Create a new {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/data-sources/secrets coffer_secrets} Data Source
    *
    * @param scope The scope in which to define this construct
    * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
    * @param options DataCofferSecretsConfig = {}
    */
    constructor(scope: Construct, id: string, config?: DataCofferSecretsConfig);
    private _category?;
    get category(): string;
    set category(value: string);
    resetCategory(): void;
    get categoryInput(): string | undefined;
    private _namePrefix?;
    get namePrefix(): string;
    set namePrefix(value: string);
    resetNamePrefix(): void;
    get namePrefixInput(): string | undefined;
    private _scopeId?;
    get scopeId(): string;
    set scopeId(value: string);
    resetScopeId(): void;
    get scopeIdInput(): string | undefined;
    private _scopeType?;
    get scopeType(): string;
    set scopeType(value: string);
    resetScopeType(): void;
    get scopeTypeInput(): string | undefined;
    private _secrets;
    get secrets(): DataCofferSecretsSecretsList;
    protected synthesizeAttributes(): {
        [name: string]: any;
    };
    protected synthesizeHclAttributes(): {
        [name: string]: any;
    };
}
