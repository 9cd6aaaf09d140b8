"use strict";
// https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/ephemeral-resources/secret_value
// generated from terraform resource schema
Object.defineProperty(exports, "__esModule", { value: true });
exports.EphemeralCofferSecretValue = void 0;
const cdktn = require("cdktn");
/**
* Represents a {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/ephemeral-resources/secret_value coffer_secret_value}
*/
class EphemeralCofferSecretValue extends cdktn.TerraformEphemeralResource {
    // =================
    // STATIC PROPERTIES
    // =================
    static { this.tfResourceType = "coffer_secret_value"; }
    // ===========
    // INITIALIZER
    // ===========
    /**
    * Create a new {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/ephemeral-resources/secret_value coffer_secret_value} Ephemeral Resource
    *
    * @param scope The scope in which to define this construct
    * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
    * @param options EphemeralCofferSecretValueConfig
    */
    constructor(scope, id, config) {
        super(scope, id, {
            terraformResourceType: 'coffer_secret_value',
            terraformGeneratorMetadata: {
                providerName: 'coffer',
                providerVersion: '0.1.0'
            },
            provider: config.provider,
            dependsOn: config.dependsOn,
            count: config.count,
            lifecycle: config.lifecycle,
            forEach: config.forEach
        });
        this._afterVersion = config.afterVersion;
        this._name = config.name;
        this._teamId = config.teamId;
        this._workspaceId = config.workspaceId;
    }
    get afterVersion() {
        return this.getNumberAttribute('after_version');
    }
    set afterVersion(value) {
        this._afterVersion = value;
    }
    resetAfterVersion() {
        this._afterVersion = undefined;
    }
    // Temporarily expose input value. Use with caution.
    get afterVersionInput() {
        return this._afterVersion;
    }
    get name() {
        return this.getStringAttribute('name');
    }
    set name(value) {
        this._name = value;
    }
    // Temporarily expose input value. Use with caution.
    get nameInput() {
        return this._name;
    }
    // scope_type - computed: true, optional: false, required: false
    get scopeType() {
        return this.getStringAttribute('scope_type');
    }
    // source - computed: true, optional: false, required: false
    get source() {
        return this.getStringAttribute('source');
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
    // value - computed: true, optional: false, required: false
    get value() {
        return this.getStringAttribute('value');
    }
    // version - computed: true, optional: false, required: false
    get version() {
        return this.getNumberAttribute('version');
    }
    get workspaceId() {
        return this.getStringAttribute('workspace_id');
    }
    set workspaceId(value) {
        this._workspaceId = value;
    }
    // Temporarily expose input value. Use with caution.
    get workspaceIdInput() {
        return this._workspaceId;
    }
    // =========
    // SYNTHESIS
    // =========
    synthesizeAttributes() {
        return {
            after_version: cdktn.numberToTerraform(this._afterVersion),
            name: cdktn.stringToTerraform(this._name),
            team_id: cdktn.stringToTerraform(this._teamId),
            workspace_id: cdktn.stringToTerraform(this._workspaceId),
        };
    }
    synthesizeHclAttributes() {
        const attrs = {
            after_version: {
                value: cdktn.numberToHclTerraform(this._afterVersion),
                isBlock: false,
                type: "simple",
                storageClassType: "number",
            },
            name: {
                value: cdktn.stringToHclTerraform(this._name),
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
            workspace_id: {
                value: cdktn.stringToHclTerraform(this._workspaceId),
                isBlock: false,
                type: "simple",
                storageClassType: "string",
            },
        };
        // remove undefined attributes
        return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
    }
}
exports.EphemeralCofferSecretValue = EphemeralCofferSecretValue;
