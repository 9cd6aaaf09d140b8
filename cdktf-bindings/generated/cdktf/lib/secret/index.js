"use strict";
// https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secret
// generated from terraform resource schema
Object.defineProperty(exports, "__esModule", { value: true });
exports.Secret = void 0;
const cdktf = require("cdktf");
/**
* Represents a {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secret coffer_secret}
*/
class Secret extends cdktf.TerraformResource {
    // =================
    // STATIC PROPERTIES
    // =================
    static { this.tfResourceType = "coffer_secret"; }
    // ==============
    // STATIC Methods
    // ==============
    /**
    * Generates CDKTF code for importing a Secret resource upon running "cdktf plan <stack-name>"
    * @param scope The scope in which to define this construct
    * @param importToId The construct id used in the generated config for the Secret to import
    * @param importFromId The id of the existing Secret that should be imported. Refer to the {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secret#import import section} in the documentation of this resource for the id to use
    * @param provider? Optional instance of the provider where the Secret to import is found
    */
    static generateConfigForImport(scope, importToId, importFromId, provider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "coffer_secret", importId: importFromId, provider });
    }
    // ===========
    // INITIALIZER
    // ===========
    /**
    * Create a new {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secret coffer_secret} Resource
    *
    * @param scope The scope in which to define this construct
    * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
    * @param options SecretConfig
    */
    constructor(scope, id, config) {
        super(scope, id, {
            terraformResourceType: 'coffer_secret',
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
        this._category = config.category;
        this._description = config.description;
        this._expiresAt = config.expiresAt;
        this._name = config.name;
        this._scopeId = config.scopeId;
        this._scopeType = config.scopeType;
        this._value = config.value;
        this._valueWo = config.valueWo;
        this._valueWoVersion = config.valueWoVersion;
        this._vaultRef = config.vaultRef;
    }
    get category() {
        return this.getStringAttribute('category');
    }
    set category(value) {
        this._category = value;
    }
    resetCategory() {
        this._category = undefined;
    }
    // Temporarily expose input value. Use with caution.
    get categoryInput() {
        return this._category;
    }
    // created_at - computed: true, optional: false, required: false
    get createdAt() {
        return this.getStringAttribute('created_at');
    }
    get description() {
        return this.getStringAttribute('description');
    }
    set description(value) {
        this._description = value;
    }
    resetDescription() {
        this._description = undefined;
    }
    // Temporarily expose input value. Use with caution.
    get descriptionInput() {
        return this._description;
    }
    get expiresAt() {
        return this.getStringAttribute('expires_at');
    }
    set expiresAt(value) {
        this._expiresAt = value;
    }
    resetExpiresAt() {
        this._expiresAt = undefined;
    }
    // Temporarily expose input value. Use with caution.
    get expiresAtInput() {
        return this._expiresAt;
    }
    // id - computed: true, optional: false, required: false
    get id() {
        return this.getStringAttribute('id');
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
    get scopeId() {
        return this.getStringAttribute('scope_id');
    }
    set scopeId(value) {
        this._scopeId = value;
    }
    // Temporarily expose input value. Use with caution.
    get scopeIdInput() {
        return this._scopeId;
    }
    get scopeType() {
        return this.getStringAttribute('scope_type');
    }
    set scopeType(value) {
        this._scopeType = value;
    }
    // Temporarily expose input value. Use with caution.
    get scopeTypeInput() {
        return this._scopeType;
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
    get vaultRef() {
        return this.getStringAttribute('vault_ref');
    }
    set vaultRef(value) {
        this._vaultRef = value;
    }
    resetVaultRef() {
        this._vaultRef = undefined;
    }
    // Temporarily expose input value. Use with caution.
    get vaultRefInput() {
        return this._vaultRef;
    }
    // version - computed: true, optional: false, required: false
    get version() {
        return this.getNumberAttribute('version');
    }
    // =========
    // SYNTHESIS
    // =========
    synthesizeAttributes() {
        return {
            category: cdktf.stringToTerraform(this._category),
            description: cdktf.stringToTerraform(this._description),
            expires_at: cdktf.stringToTerraform(this._expiresAt),
            name: cdktf.stringToTerraform(this._name),
            scope_id: cdktf.stringToTerraform(this._scopeId),
            scope_type: cdktf.stringToTerraform(this._scopeType),
            value: cdktf.stringToTerraform(this._value),
            value_wo: cdktf.stringToTerraform(this._valueWo),
            value_wo_version: cdktf.numberToTerraform(this._valueWoVersion),
            vault_ref: cdktf.stringToTerraform(this._vaultRef),
        };
    }
    synthesizeHclAttributes() {
        const attrs = {
            category: {
                value: cdktf.stringToHclTerraform(this._category),
                isBlock: false,
                type: "simple",
                storageClassType: "string",
            },
            description: {
                value: cdktf.stringToHclTerraform(this._description),
                isBlock: false,
                type: "simple",
                storageClassType: "string",
            },
            expires_at: {
                value: cdktf.stringToHclTerraform(this._expiresAt),
                isBlock: false,
                type: "simple",
                storageClassType: "string",
            },
            name: {
                value: cdktf.stringToHclTerraform(this._name),
                isBlock: false,
                type: "simple",
                storageClassType: "string",
            },
            scope_id: {
                value: cdktf.stringToHclTerraform(this._scopeId),
                isBlock: false,
                type: "simple",
                storageClassType: "string",
            },
            scope_type: {
                value: cdktf.stringToHclTerraform(this._scopeType),
                isBlock: false,
                type: "simple",
                storageClassType: "string",
            },
            value: {
                value: cdktf.stringToHclTerraform(this._value),
                isBlock: false,
                type: "simple",
                storageClassType: "string",
            },
            value_wo: {
                value: cdktf.stringToHclTerraform(this._valueWo),
                isBlock: false,
                type: "simple",
                storageClassType: "string",
            },
            value_wo_version: {
                value: cdktf.numberToHclTerraform(this._valueWoVersion),
                isBlock: false,
                type: "simple",
                storageClassType: "number",
            },
            vault_ref: {
                value: cdktf.stringToHclTerraform(this._vaultRef),
                isBlock: false,
                type: "simple",
                storageClassType: "string",
            },
        };
        // remove undefined attributes
        return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
    }
}
exports.Secret = Secret;
