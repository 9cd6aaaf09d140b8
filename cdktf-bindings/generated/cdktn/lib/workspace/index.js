"use strict";
// https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/workspace
// generated from terraform resource schema
Object.defineProperty(exports, "__esModule", { value: true });
exports.Workspace = void 0;
const cdktn = require("cdktn");
/**
* Represents a {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/workspace coffer_workspace}
*/
class Workspace extends cdktn.TerraformResource {
    // =================
    // STATIC PROPERTIES
    // =================
    static { this.tfResourceType = "coffer_workspace"; }
    // ==============
    // STATIC Methods
    // ==============
    /**
    * Generates CDKTN code for importing a Workspace resource upon running "cdktn plan <stack-name>"
    * @param scope The scope in which to define this construct
    * @param importToId The construct id used in the generated config for the Workspace to import
    * @param importFromId The id of the existing Workspace that should be imported. Refer to the {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/workspace#import import section} in the documentation of this resource for the id to use
    * @param provider? Optional instance of the provider where the Workspace to import is found
    */
    static generateConfigForImport(scope, importToId, importFromId, provider) {
        return new cdktn.ImportableResource(scope, importToId, { terraformResourceType: "coffer_workspace", importId: importFromId, provider });
    }
    // ===========
    // INITIALIZER
    // ===========
    /**
    * Create a new {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/workspace coffer_workspace} Resource
    *
    * @param scope The scope in which to define this construct
    * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
    * @param options WorkspaceConfig
    */
    constructor(scope, id, config) {
        super(scope, id, {
            terraformResourceType: 'coffer_workspace',
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
        this._deleteContents = config.deleteContents;
        this._id = config.id;
        this._name = config.name;
        this._organizationId = config.organizationId;
        this._teamId = config.teamId;
    }
    // ==========
    // ATTRIBUTES
    // ==========
    // created_at - computed: true, optional: false, required: false
    get createdAt() {
        return this.getStringAttribute('created_at');
    }
    get deleteContents() {
        return this.getBooleanAttribute('delete_contents');
    }
    set deleteContents(value) {
        this._deleteContents = value;
    }
    resetDeleteContents() {
        this._deleteContents = undefined;
    }
    // Temporarily expose input value. Use with caution.
    get deleteContentsInput() {
        return this._deleteContents;
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
    get name() {
        return this.getStringAttribute('name');
    }
    set name(value) {
        this._name = value;
    }
    resetName() {
        this._name = undefined;
    }
    // Temporarily expose input value. Use with caution.
    get nameInput() {
        return this._name;
    }
    get organizationId() {
        return this.getStringAttribute('organization_id');
    }
    set organizationId(value) {
        this._organizationId = value;
    }
    resetOrganizationId() {
        this._organizationId = undefined;
    }
    // Temporarily expose input value. Use with caution.
    get organizationIdInput() {
        return this._organizationId;
    }
    get teamId() {
        return this.getStringAttribute('team_id');
    }
    set teamId(value) {
        this._teamId = value;
    }
    resetTeamId() {
        this._teamId = undefined;
    }
    // Temporarily expose input value. Use with caution.
    get teamIdInput() {
        return this._teamId;
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
            delete_contents: cdktn.booleanToTerraform(this._deleteContents),
            id: cdktn.stringToTerraform(this._id),
            name: cdktn.stringToTerraform(this._name),
            organization_id: cdktn.stringToTerraform(this._organizationId),
            team_id: cdktn.stringToTerraform(this._teamId),
        };
    }
    synthesizeHclAttributes() {
        const attrs = {
            delete_contents: {
                value: cdktn.booleanToHclTerraform(this._deleteContents),
                isBlock: false,
                type: "simple",
                storageClassType: "boolean",
            },
            id: {
                value: cdktn.stringToHclTerraform(this._id),
                isBlock: false,
                type: "simple",
                storageClassType: "string",
            },
            name: {
                value: cdktn.stringToHclTerraform(this._name),
                isBlock: false,
                type: "simple",
                storageClassType: "string",
            },
            organization_id: {
                value: cdktn.stringToHclTerraform(this._organizationId),
                isBlock: false,
                type: "simple",
                storageClassType: "string",
            },
            team_id: {
                value: cdktn.stringToHclTerraform(this._teamId),
                isBlock: false,
                type: "simple",
                storageClassType: "string",
            },
        };
        // remove undefined attributes
        return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
    }
}
exports.Workspace = Workspace;
