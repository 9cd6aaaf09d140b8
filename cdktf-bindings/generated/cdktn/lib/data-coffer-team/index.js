"use strict";
// https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/data-sources/team
// generated from terraform resource schema
Object.defineProperty(exports, "__esModule", { value: true });
exports.DataCofferTeam = void 0;
const cdktn = require("cdktn");
/**
* Represents a {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/data-sources/team coffer_team}
*/
class DataCofferTeam extends cdktn.TerraformDataSource {
    // =================
    // STATIC PROPERTIES
    // =================
    static { this.tfResourceType = "coffer_team"; }
    // ==============
    // STATIC Methods
    // ==============
    /**
    * Generates CDKTN code for importing a DataCofferTeam resource upon running "cdktn plan <stack-name>"
    * @param scope The scope in which to define this construct
    * @param importToId The construct id used in the generated config for the DataCofferTeam to import
    * @param importFromId The id of the existing DataCofferTeam that should be imported. Refer to the {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/data-sources/team#import import section} in the documentation of this resource for the id to use
    * @param provider? Optional instance of the provider where the DataCofferTeam to import is found
    */
    static generateConfigForImport(scope, importToId, importFromId, provider) {
        return new cdktn.ImportableResource(scope, importToId, { terraformResourceType: "coffer_team", importId: importFromId, provider });
    }
    // ===========
    // INITIALIZER
    // ===========
    /**
    * Create a new {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/data-sources/team coffer_team} Data Source
    *
    * @param scope The scope in which to define this construct
    * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
    * @param options DataCofferTeamConfig
    */
    constructor(scope, id, config) {
        super(scope, id, {
            terraformResourceType: 'coffer_team',
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
        this._id = config.id;
    }
    // ==========
    // ATTRIBUTES
    // ==========
    // created_at - computed: true, optional: false, required: false
    get createdAt() {
        return this.getStringAttribute('created_at');
    }
    get id() {
        return this.getStringAttribute('id');
    }
    set id(value) {
        this._id = value;
    }
    // Temporarily expose input value. Use with caution.
    get idInput() {
        return this._id;
    }
    // name - computed: true, optional: false, required: false
    get name() {
        return this.getStringAttribute('name');
    }
    // organization_id - computed: true, optional: false, required: false
    get organizationId() {
        return this.getStringAttribute('organization_id');
    }
    // updated_at - computed: true, optional: false, required: false
    get updatedAt() {
        return this.getStringAttribute('updated_at');
    }
    // =========
    // SYNTHESIS
    // =========
    synthesizeAttributes() {
        return {
            id: cdktn.stringToTerraform(this._id),
        };
    }
    synthesizeHclAttributes() {
        const attrs = {
            id: {
                value: cdktn.stringToHclTerraform(this._id),
                isBlock: false,
                type: "simple",
                storageClassType: "string",
            },
        };
        // remove undefined attributes
        return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
    }
}
exports.DataCofferTeam = DataCofferTeam;
