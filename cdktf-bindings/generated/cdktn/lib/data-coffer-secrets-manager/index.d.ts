import { Construct } from 'constructs';
import * as cdktn from 'cdktn';
export interface DataCofferSecretsManagerConfig extends cdktn.TerraformMetaArguments {
}
/**
* Represents a {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/data-sources/secrets_manager coffer_secrets_manager}
*/
export declare class DataCofferSecretsManager extends cdktn.TerraformDataSource {
    static readonly tfResourceType = "coffer_secrets_manager";
    /**
    * Generates CDKTN code for importing a DataCofferSecretsManager resource upon running "cdktn plan <stack-name>"
    * @param scope The scope in which to define this construct
    * @param importToId The construct id used in the generated config for the DataCofferSecretsManager to import
    * @param importFromId The id of the existing DataCofferSecretsManager that should be imported. Refer to the {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/data-sources/secrets_manager#import import section} in the documentation of this resource for the id to use
    * @param provider? Optional instance of the provider where the DataCofferSecretsManager to import is found
    */
    static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktn.TerraformProvider): cdktn.ImportableResource;
    /**
    * Create a new {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/data-sources/secrets_manager coffer_secrets_manager} Data Source
    *
    * @param scope The scope in which to define this construct
    * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
    * @param options DataCofferSecretsManagerConfig = {}
    */
    constructor(scope: Construct, id: string, config?: DataCofferSecretsManagerConfig);
    get backend(): string;
    get effectiveBackend(): string;
    protected synthesizeAttributes(): {
        [name: string]: any;
    };
    protected synthesizeHclAttributes(): {
        [name: string]: any;
    };
}
