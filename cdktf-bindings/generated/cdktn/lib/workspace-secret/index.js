"use strict";
// https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/workspace_secret
// generated from terraform resource schema
Object.defineProperty(exports, "__esModule", { value: true });
exports.WorkspaceSecret = void 0;
const cdktn = require("cdktn");
/**
* Represents a {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/workspace_secret coffer_workspace_secret}
*/
class WorkspaceSecret extends cdktn.TerraformResource {
    // =================
    // STATIC PROPERTIES
    // =================
    static { this.tfResourceType = "coffer_workspace_secret"; }
    // ==============
    // STATIC Methods
    // ==============
    /**
    * Generates CDKTN code for importing a WorkspaceSecret resource upon running "cdktn plan <stack-name>"
    * @param scope The scope in which to define this construct
    * @param importToId The construct id used in the generated config for the WorkspaceSecret to import
    * @param importFromId The id of the existing WorkspaceSecret that should be imported. Refer to the {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/workspace_secret#import import section} in the documentation of this resource for the id to use
    * @param provider? Optional instance of the provider where the WorkspaceSecret to import is found
    */
    static generateConfigForImport(scope, importToId, importFromId, provider) {
        return new cdktn.ImportableResource(scope, importToId, { terraformResourceType: "coffer_workspace_secret", importId: importFromId, provider });
    }
    // ===========
    // INITIALIZER
    // ===========
    /**
    * Create a new {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/workspace_secret coffer_workspace_secret} Resource
    *
    * @param scope The scope in which to define this construct
    * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
    * @param options WorkspaceSecretConfig
    */
    constructor(scope, id, config) {
        super(scope, id, {
            terraformResourceType: 'coffer_workspace_secret',
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
        this._expiresInDays = config.expiresInDays;
        this._key = config.key;
        this._value = config.value;
        this._valueWo = config.valueWo;
        this._valueWoVersion = config.valueWoVersion;
        this._workspaceId = config.workspaceId;
    }
    // ==========
    // ATTRIBUTES
    // ==========
    // created_at - computed: true, optional: false, required: false
    get createdAt() {
        return this.getStringAttribute('created_at');
    }
    // expires_at - computed: true, optional: false, required: false
    get expiresAt() {
        return this.getStringAttribute('expires_at');
    }
    get expiresInDays() {
        return this.getNumberAttribute('expires_in_days');
    }
    set expiresInDays(value) {
        this._expiresInDays = value;
    }
    resetExpiresInDays() {
        this._expiresInDays = undefined;
    }
    // Temporarily expose input value. Use with caution.
    get expiresInDaysInput() {
        return this._expiresInDays;
    }
    // id - computed: true, optional: false, required: false
    get id() {
        return this.getStringAttribute('id');
    }
    get key() {
        return this.getStringAttribute('key');
    }
    set key(value) {
        this._key = value;
    }
    // Temporarily expose input value. Use with caution.
    get keyInput() {
        return this._key;
    }
    // set_by - computed: true, optional: false, required: false
    get setBy() {
        return this.getStringAttribute('set_by');
    }
    // updated_at - computed: true, optional: false, required: false
    get updatedAt() {
        return this.getStringAttribute('updated_at');
    }
    get value() {
        return this.getStringAttribute('value');
    }
    set value(value) {
        this._value = value;
    }
    resetValue() {
        this._value = undefined;
    }
    // Temporarily expose input value. Use with caution.
    get valueInput() {
        return this._value;
    }
    /**
    * @deprecated Write-only: the provider never returns this value; reading it always yields null by protocol contract. The getter remains for compatibility and will be removed in a future prebuilt-provider major.
    */
    get valueWo() {
        return this.getStringAttribute('value_wo');
    }
    set valueWo(value) {
        this._valueWo = value;
    }
    resetValueWo() {
        this._valueWo = undefined;
    }
    // Temporarily expose input value. Use with caution.
    get valueWoInput() {
        return this._valueWo;
    }
    get valueWoVersion() {
        return this.getNumberAttribute('value_wo_version');
    }
    set valueWoVersion(value) {
        this._valueWoVersion = value;
    }
    resetValueWoVersion() {
        this._valueWoVersion = undefined;
    }
    // Temporarily expose input value. Use with caution.
    get valueWoVersionInput() {
        return this._valueWoVersion;
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
            expires_in_days: cdktn.numberToTerraform(this._expiresInDays),
            key: cdktn.stringToTerraform(this._key),
            value: cdktn.stringToTerraform(this._value),
            value_wo: this.markWriteOnlyAttribute(cdktn.stringToTerraform(this._valueWo)),
            value_wo_version: cdktn.numberToTerraform(this._valueWoVersion),
            workspace_id: cdktn.stringToTerraform(this._workspaceId),
        };
    }
    synthesizeHclAttributes() {
        const attrs = {
            expires_in_days: {
                value: cdktn.numberToHclTerraform(this._expiresInDays),
                isBlock: false,
                type: "simple",
                storageClassType: "number",
            },
            key: {
                value: cdktn.stringToHclTerraform(this._key),
                isBlock: false,
                type: "simple",
                storageClassType: "string",
            },
            value: {
                value: cdktn.stringToHclTerraform(this._value),
                isBlock: false,
                type: "simple",
                storageClassType: "string",
            },
            value_wo: {
                value: this.markWriteOnlyAttribute(cdktn.stringToHclTerraform(this._valueWo)),
                isBlock: false,
                type: "simple",
                storageClassType: "string",
            },
            value_wo_version: {
                value: cdktn.numberToHclTerraform(this._valueWoVersion),
                isBlock: false,
                type: "simple",
                storageClassType: "number",
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
exports.WorkspaceSecret = WorkspaceSecret;
