"use strict";
// https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/data-sources/secrets_manager
// generated from terraform resource schema
Object.defineProperty(exports, "__esModule", { value: true });
exports.DataCofferSecretsManager = void 0;
const cdktn = require("cdktn");
/**
* Represents a {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/data-sources/secrets_manager coffer_secrets_manager}
*/
class DataCofferSecretsManager extends cdktn.TerraformDataSource {
    // =================
    // STATIC PROPERTIES
    // =================
    static { this.tfResourceType = "coffer_secrets_manager"; }
    // ==============
    // STATIC Methods
    // ==============
    /**
    * Generates CDKTN code for importing a DataCofferSecretsManager resource upon running "cdktn plan <stack-name>"
    * @param scope The scope in which to define this construct
    * @param importToId The construct id used in the generated config for the DataCofferSecretsManager to import
    * @param importFromId The id of the existing DataCofferSecretsManager that should be imported. Refer to the {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/data-sources/secrets_manager#import import section} in the documentation of this resource for the id to use
    * @param provider? Optional instance of the provider where the DataCofferSecretsManager to import is found
    */
    static generateConfigForImport(scope, importToId, importFromId, provider) {
        return new cdktn.ImportableResource(scope, importToId, { terraformResourceType: "coffer_secrets_manager", importId: importFromId, provider });
    }
    // ===========
    // INITIALIZER
    // ===========
    /**
    * Create a new {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/data-sources/secrets_manager coffer_secrets_manager} Data Source
    *
    * @param scope The scope in which to define this construct
    * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
    * @param options DataCofferSecretsManagerConfig = {}
    */
    constructor(scope, id, config = {}) {
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
    }
    // ==========
    // ATTRIBUTES
    // ==========
    // backend - computed: true, optional: false, required: false
    get backend() {
        return this.getStringAttribute('backend');
    }
    // effective_backend - computed: true, optional: false, required: false
    get effectiveBackend() {
        return this.getStringAttribute('effective_backend');
    }
    // =========
    // SYNTHESIS
    // =========
    synthesizeAttributes() {
        return {};
    }
    synthesizeHclAttributes() {
        const attrs = {};
        return attrs;
    }
}
exports.DataCofferSecretsManager = DataCofferSecretsManager;
