"use strict";
// https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secrets_manager
// generated from terraform resource schema
Object.defineProperty(exports, "__esModule", { value: true });
exports.SecretsManager = exports.SecretsManagerVaultOutputReference = exports.SecretsManagerVaultK8SOutputReference = exports.SecretsManagerVaultAwsOutputReference = exports.SecretsManagerAwsOutputReference = void 0;
exports.secretsManagerAwsToTerraform = secretsManagerAwsToTerraform;
exports.secretsManagerAwsToHclTerraform = secretsManagerAwsToHclTerraform;
exports.secretsManagerVaultAwsToTerraform = secretsManagerVaultAwsToTerraform;
exports.secretsManagerVaultAwsToHclTerraform = secretsManagerVaultAwsToHclTerraform;
exports.secretsManagerVaultK8SToTerraform = secretsManagerVaultK8SToTerraform;
exports.secretsManagerVaultK8SToHclTerraform = secretsManagerVaultK8SToHclTerraform;
exports.secretsManagerVaultToTerraform = secretsManagerVaultToTerraform;
exports.secretsManagerVaultToHclTerraform = secretsManagerVaultToHclTerraform;
const cdktf = require("cdktf");
function secretsManagerAwsToTerraform(struct) {
    if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) {
        return struct;
    }
    if (cdktf.isComplexElement(struct)) {
        throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
    }
    return {
        endpoint: cdktf.stringToTerraform(struct.endpoint),
        recovery_window_days: cdktf.numberToTerraform(struct.recoveryWindowDays),
        region: cdktf.stringToTerraform(struct.region),
        secret_prefix: cdktf.stringToTerraform(struct.secretPrefix),
    };
}
function secretsManagerAwsToHclTerraform(struct) {
    if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) {
        return struct;
    }
    if (cdktf.isComplexElement(struct)) {
        throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
    }
    const attrs = {
        endpoint: {
            value: cdktf.stringToHclTerraform(struct.endpoint),
            isBlock: false,
            type: "simple",
            storageClassType: "string",
        },
        recovery_window_days: {
            value: cdktf.numberToHclTerraform(struct.recoveryWindowDays),
            isBlock: false,
            type: "simple",
            storageClassType: "number",
        },
        region: {
            value: cdktf.stringToHclTerraform(struct.region),
            isBlock: false,
            type: "simple",
            storageClassType: "string",
        },
        secret_prefix: {
            value: cdktf.stringToHclTerraform(struct.secretPrefix),
            isBlock: false,
            type: "simple",
            storageClassType: "string",
        },
    };
    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}
class SecretsManagerAwsOutputReference extends cdktf.ComplexObject {
    /**
    * @param terraformResource The parent resource
    * @param terraformAttribute The attribute on the parent resource this class is referencing
    */
    constructor(terraformResource, terraformAttribute) {
        super(terraformResource, terraformAttribute, false);
        this.isEmptyObject = false;
    }
    get internalValue() {
        if (this.resolvableValue) {
            return this.resolvableValue;
        }
        let hasAnyValues = this.isEmptyObject;
        const internalValueResult = {};
        if (this._endpoint !== undefined) {
            hasAnyValues = true;
            internalValueResult.endpoint = this._endpoint;
        }
        if (this._recoveryWindowDays !== undefined) {
            hasAnyValues = true;
            internalValueResult.recoveryWindowDays = this._recoveryWindowDays;
        }
        if (this._region !== undefined) {
            hasAnyValues = true;
            internalValueResult.region = this._region;
        }
        if (this._secretPrefix !== undefined) {
            hasAnyValues = true;
            internalValueResult.secretPrefix = this._secretPrefix;
        }
        return hasAnyValues ? internalValueResult : undefined;
    }
    set internalValue(value) {
        if (value === undefined) {
            this.isEmptyObject = false;
            this.resolvableValue = undefined;
            this._endpoint = undefined;
            this._recoveryWindowDays = undefined;
            this._region = undefined;
            this._secretPrefix = undefined;
        }
        else if (cdktf.Tokenization.isResolvable(value)) {
            this.isEmptyObject = false;
            this.resolvableValue = value;
        }
        else {
            this.isEmptyObject = Object.keys(value).length === 0;
            this.resolvableValue = undefined;
            this._endpoint = value.endpoint;
            this._recoveryWindowDays = value.recoveryWindowDays;
            this._region = value.region;
            this._secretPrefix = value.secretPrefix;
        }
    }
    get endpoint() {
        return this.getStringAttribute('endpoint');
    }
    set endpoint(value) {
        this._endpoint = value;
    }
    resetEndpoint() {
        this._endpoint = undefined;
    }
    // Temporarily expose input value. Use with caution.
    get endpointInput() {
        return this._endpoint;
    }
    get recoveryWindowDays() {
        return this.getNumberAttribute('recovery_window_days');
    }
    set recoveryWindowDays(value) {
        this._recoveryWindowDays = value;
    }
    resetRecoveryWindowDays() {
        this._recoveryWindowDays = undefined;
    }
    // Temporarily expose input value. Use with caution.
    get recoveryWindowDaysInput() {
        return this._recoveryWindowDays;
    }
    get region() {
        return this.getStringAttribute('region');
    }
    set region(value) {
        this._region = value;
    }
    // Temporarily expose input value. Use with caution.
    get regionInput() {
        return this._region;
    }
    get secretPrefix() {
        return this.getStringAttribute('secret_prefix');
    }
    set secretPrefix(value) {
        this._secretPrefix = value;
    }
    resetSecretPrefix() {
        this._secretPrefix = undefined;
    }
    // Temporarily expose input value. Use with caution.
    get secretPrefixInput() {
        return this._secretPrefix;
    }
}
exports.SecretsManagerAwsOutputReference = SecretsManagerAwsOutputReference;
function secretsManagerVaultAwsToTerraform(struct) {
    if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) {
        return struct;
    }
    if (cdktf.isComplexElement(struct)) {
        throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
    }
    return {
        iam_server_id: cdktf.stringToTerraform(struct.iamServerId),
        mount_point: cdktf.stringToTerraform(struct.mountPoint),
        region: cdktf.stringToTerraform(struct.region),
        role: cdktf.stringToTerraform(struct.role),
        sts_endpoint: cdktf.stringToTerraform(struct.stsEndpoint),
    };
}
function secretsManagerVaultAwsToHclTerraform(struct) {
    if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) {
        return struct;
    }
    if (cdktf.isComplexElement(struct)) {
        throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
    }
    const attrs = {
        iam_server_id: {
            value: cdktf.stringToHclTerraform(struct.iamServerId),
            isBlock: false,
            type: "simple",
            storageClassType: "string",
        },
        mount_point: {
            value: cdktf.stringToHclTerraform(struct.mountPoint),
            isBlock: false,
            type: "simple",
            storageClassType: "string",
        },
        region: {
            value: cdktf.stringToHclTerraform(struct.region),
            isBlock: false,
            type: "simple",
            storageClassType: "string",
        },
        role: {
            value: cdktf.stringToHclTerraform(struct.role),
            isBlock: false,
            type: "simple",
            storageClassType: "string",
        },
        sts_endpoint: {
            value: cdktf.stringToHclTerraform(struct.stsEndpoint),
            isBlock: false,
            type: "simple",
            storageClassType: "string",
        },
    };
    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}
class SecretsManagerVaultAwsOutputReference extends cdktf.ComplexObject {
    /**
    * @param terraformResource The parent resource
    * @param terraformAttribute The attribute on the parent resource this class is referencing
    */
    constructor(terraformResource, terraformAttribute) {
        super(terraformResource, terraformAttribute, false);
        this.isEmptyObject = false;
    }
    get internalValue() {
        if (this.resolvableValue) {
            return this.resolvableValue;
        }
        let hasAnyValues = this.isEmptyObject;
        const internalValueResult = {};
        if (this._iamServerId !== undefined) {
            hasAnyValues = true;
            internalValueResult.iamServerId = this._iamServerId;
        }
        if (this._mountPoint !== undefined) {
            hasAnyValues = true;
            internalValueResult.mountPoint = this._mountPoint;
        }
        if (this._region !== undefined) {
            hasAnyValues = true;
            internalValueResult.region = this._region;
        }
        if (this._role !== undefined) {
            hasAnyValues = true;
            internalValueResult.role = this._role;
        }
        if (this._stsEndpoint !== undefined) {
            hasAnyValues = true;
            internalValueResult.stsEndpoint = this._stsEndpoint;
        }
        return hasAnyValues ? internalValueResult : undefined;
    }
    set internalValue(value) {
        if (value === undefined) {
            this.isEmptyObject = false;
            this.resolvableValue = undefined;
            this._iamServerId = undefined;
            this._mountPoint = undefined;
            this._region = undefined;
            this._role = undefined;
            this._stsEndpoint = undefined;
        }
        else if (cdktf.Tokenization.isResolvable(value)) {
            this.isEmptyObject = false;
            this.resolvableValue = value;
        }
        else {
            this.isEmptyObject = Object.keys(value).length === 0;
            this.resolvableValue = undefined;
            this._iamServerId = value.iamServerId;
            this._mountPoint = value.mountPoint;
            this._region = value.region;
            this._role = value.role;
            this._stsEndpoint = value.stsEndpoint;
        }
    }
    get iamServerId() {
        return this.getStringAttribute('iam_server_id');
    }
    set iamServerId(value) {
        this._iamServerId = value;
    }
    resetIamServerId() {
        this._iamServerId = undefined;
    }
    // Temporarily expose input value. Use with caution.
    get iamServerIdInput() {
        return this._iamServerId;
    }
    get mountPoint() {
        return this.getStringAttribute('mount_point');
    }
    set mountPoint(value) {
        this._mountPoint = value;
    }
    resetMountPoint() {
        this._mountPoint = undefined;
    }
    // Temporarily expose input value. Use with caution.
    get mountPointInput() {
        return this._mountPoint;
    }
    get region() {
        return this.getStringAttribute('region');
    }
    set region(value) {
        this._region = value;
    }
    resetRegion() {
        this._region = undefined;
    }
    // Temporarily expose input value. Use with caution.
    get regionInput() {
        return this._region;
    }
    get role() {
        return this.getStringAttribute('role');
    }
    set role(value) {
        this._role = value;
    }
    // Temporarily expose input value. Use with caution.
    get roleInput() {
        return this._role;
    }
    get stsEndpoint() {
        return this.getStringAttribute('sts_endpoint');
    }
    set stsEndpoint(value) {
        this._stsEndpoint = value;
    }
    resetStsEndpoint() {
        this._stsEndpoint = undefined;
    }
    // Temporarily expose input value. Use with caution.
    get stsEndpointInput() {
        return this._stsEndpoint;
    }
}
exports.SecretsManagerVaultAwsOutputReference = SecretsManagerVaultAwsOutputReference;
function secretsManagerVaultK8SToTerraform(struct) {
    if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) {
        return struct;
    }
    if (cdktf.isComplexElement(struct)) {
        throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
    }
    return {
        mount_point: cdktf.stringToTerraform(struct.mountPoint),
        role: cdktf.stringToTerraform(struct.role),
        token_path: cdktf.stringToTerraform(struct.tokenPath),
    };
}
function secretsManagerVaultK8SToHclTerraform(struct) {
    if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) {
        return struct;
    }
    if (cdktf.isComplexElement(struct)) {
        throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
    }
    const attrs = {
        mount_point: {
            value: cdktf.stringToHclTerraform(struct.mountPoint),
            isBlock: false,
            type: "simple",
            storageClassType: "string",
        },
        role: {
            value: cdktf.stringToHclTerraform(struct.role),
            isBlock: false,
            type: "simple",
            storageClassType: "string",
        },
        token_path: {
            value: cdktf.stringToHclTerraform(struct.tokenPath),
            isBlock: false,
            type: "simple",
            storageClassType: "string",
        },
    };
    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}
class SecretsManagerVaultK8SOutputReference extends cdktf.ComplexObject {
    /**
    * @param terraformResource The parent resource
    * @param terraformAttribute The attribute on the parent resource this class is referencing
    */
    constructor(terraformResource, terraformAttribute) {
        super(terraformResource, terraformAttribute, false);
        this.isEmptyObject = false;
    }
    get internalValue() {
        if (this.resolvableValue) {
            return this.resolvableValue;
        }
        let hasAnyValues = this.isEmptyObject;
        const internalValueResult = {};
        if (this._mountPoint !== undefined) {
            hasAnyValues = true;
            internalValueResult.mountPoint = this._mountPoint;
        }
        if (this._role !== undefined) {
            hasAnyValues = true;
            internalValueResult.role = this._role;
        }
        if (this._tokenPath !== undefined) {
            hasAnyValues = true;
            internalValueResult.tokenPath = this._tokenPath;
        }
        return hasAnyValues ? internalValueResult : undefined;
    }
    set internalValue(value) {
        if (value === undefined) {
            this.isEmptyObject = false;
            this.resolvableValue = undefined;
            this._mountPoint = undefined;
            this._role = undefined;
            this._tokenPath = undefined;
        }
        else if (cdktf.Tokenization.isResolvable(value)) {
            this.isEmptyObject = false;
            this.resolvableValue = value;
        }
        else {
            this.isEmptyObject = Object.keys(value).length === 0;
            this.resolvableValue = undefined;
            this._mountPoint = value.mountPoint;
            this._role = value.role;
            this._tokenPath = value.tokenPath;
        }
    }
    get mountPoint() {
        return this.getStringAttribute('mount_point');
    }
    set mountPoint(value) {
        this._mountPoint = value;
    }
    resetMountPoint() {
        this._mountPoint = undefined;
    }
    // Temporarily expose input value. Use with caution.
    get mountPointInput() {
        return this._mountPoint;
    }
    get role() {
        return this.getStringAttribute('role');
    }
    set role(value) {
        this._role = value;
    }
    // Temporarily expose input value. Use with caution.
    get roleInput() {
        return this._role;
    }
    get tokenPath() {
        return this.getStringAttribute('token_path');
    }
    set tokenPath(value) {
        this._tokenPath = value;
    }
    resetTokenPath() {
        this._tokenPath = undefined;
    }
    // Temporarily expose input value. Use with caution.
    get tokenPathInput() {
        return this._tokenPath;
    }
}
exports.SecretsManagerVaultK8SOutputReference = SecretsManagerVaultK8SOutputReference;
function secretsManagerVaultToTerraform(struct) {
    if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) {
        return struct;
    }
    if (cdktf.isComplexElement(struct)) {
        throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
    }
    return {
        address: cdktf.stringToTerraform(struct.address),
        auth_method: cdktf.stringToTerraform(struct.authMethod),
        aws: secretsManagerVaultAwsToTerraform(struct.aws),
        k8s: secretsManagerVaultK8SToTerraform(struct.k8S),
        kv_version: cdktf.numberToTerraform(struct.kvVersion),
        namespace: cdktf.stringToTerraform(struct.namespace),
        secret_metadata_path: cdktf.stringToTerraform(struct.secretMetadataPath),
        secret_path: cdktf.stringToTerraform(struct.secretPath),
        token_wo: cdktf.stringToTerraform(struct.tokenWo),
        token_wo_version: cdktf.numberToTerraform(struct.tokenWoVersion),
    };
}
function secretsManagerVaultToHclTerraform(struct) {
    if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) {
        return struct;
    }
    if (cdktf.isComplexElement(struct)) {
        throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
    }
    const attrs = {
        address: {
            value: cdktf.stringToHclTerraform(struct.address),
            isBlock: false,
            type: "simple",
            storageClassType: "string",
        },
        auth_method: {
            value: cdktf.stringToHclTerraform(struct.authMethod),
            isBlock: false,
            type: "simple",
            storageClassType: "string",
        },
        aws: {
            value: secretsManagerVaultAwsToHclTerraform(struct.aws),
            isBlock: true,
            type: "struct",
            storageClassType: "SecretsManagerVaultAws",
        },
        k8s: {
            value: secretsManagerVaultK8SToHclTerraform(struct.k8S),
            isBlock: true,
            type: "struct",
            storageClassType: "SecretsManagerVaultK8S",
        },
        kv_version: {
            value: cdktf.numberToHclTerraform(struct.kvVersion),
            isBlock: false,
            type: "simple",
            storageClassType: "number",
        },
        namespace: {
            value: cdktf.stringToHclTerraform(struct.namespace),
            isBlock: false,
            type: "simple",
            storageClassType: "string",
        },
        secret_metadata_path: {
            value: cdktf.stringToHclTerraform(struct.secretMetadataPath),
            isBlock: false,
            type: "simple",
            storageClassType: "string",
        },
        secret_path: {
            value: cdktf.stringToHclTerraform(struct.secretPath),
            isBlock: false,
            type: "simple",
            storageClassType: "string",
        },
        token_wo: {
            value: cdktf.stringToHclTerraform(struct.tokenWo),
            isBlock: false,
            type: "simple",
            storageClassType: "string",
        },
        token_wo_version: {
            value: cdktf.numberToHclTerraform(struct.tokenWoVersion),
            isBlock: false,
            type: "simple",
            storageClassType: "number",
        },
    };
    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}
class SecretsManagerVaultOutputReference extends cdktf.ComplexObject {
    /**
    * @param terraformResource The parent resource
    * @param terraformAttribute The attribute on the parent resource this class is referencing
    */
    constructor(terraformResource, terraformAttribute) {
        super(terraformResource, terraformAttribute, false);
        this.isEmptyObject = false;
        // aws - computed: false, optional: true, required: false
        this._aws = new SecretsManagerVaultAwsOutputReference(this, "aws");
        // k8s - computed: false, optional: true, required: false
        this._k8S = new SecretsManagerVaultK8SOutputReference(this, "k8s");
    }
    get internalValue() {
        if (this.resolvableValue) {
            return this.resolvableValue;
        }
        let hasAnyValues = this.isEmptyObject;
        const internalValueResult = {};
        if (this._address !== undefined) {
            hasAnyValues = true;
            internalValueResult.address = this._address;
        }
        if (this._authMethod !== undefined) {
            hasAnyValues = true;
            internalValueResult.authMethod = this._authMethod;
        }
        if (this._aws?.internalValue !== undefined) {
            hasAnyValues = true;
            internalValueResult.aws = this._aws?.internalValue;
        }
        if (this._k8S?.internalValue !== undefined) {
            hasAnyValues = true;
            internalValueResult.k8S = this._k8S?.internalValue;
        }
        if (this._kvVersion !== undefined) {
            hasAnyValues = true;
            internalValueResult.kvVersion = this._kvVersion;
        }
        if (this._namespace !== undefined) {
            hasAnyValues = true;
            internalValueResult.namespace = this._namespace;
        }
        if (this._secretMetadataPath !== undefined) {
            hasAnyValues = true;
            internalValueResult.secretMetadataPath = this._secretMetadataPath;
        }
        if (this._secretPath !== undefined) {
            hasAnyValues = true;
            internalValueResult.secretPath = this._secretPath;
        }
        if (this._tokenWo !== undefined) {
            hasAnyValues = true;
            internalValueResult.tokenWo = this._tokenWo;
        }
        if (this._tokenWoVersion !== undefined) {
            hasAnyValues = true;
            internalValueResult.tokenWoVersion = this._tokenWoVersion;
        }
        return hasAnyValues ? internalValueResult : undefined;
    }
    set internalValue(value) {
        if (value === undefined) {
            this.isEmptyObject = false;
            this.resolvableValue = undefined;
            this._address = undefined;
            this._authMethod = undefined;
            this._aws.internalValue = undefined;
            this._k8S.internalValue = undefined;
            this._kvVersion = undefined;
            this._namespace = undefined;
            this._secretMetadataPath = undefined;
            this._secretPath = undefined;
            this._tokenWo = undefined;
            this._tokenWoVersion = undefined;
        }
        else if (cdktf.Tokenization.isResolvable(value)) {
            this.isEmptyObject = false;
            this.resolvableValue = value;
        }
        else {
            this.isEmptyObject = Object.keys(value).length === 0;
            this.resolvableValue = undefined;
            this._address = value.address;
            this._authMethod = value.authMethod;
            this._aws.internalValue = value.aws;
            this._k8S.internalValue = value.k8S;
            this._kvVersion = value.kvVersion;
            this._namespace = value.namespace;
            this._secretMetadataPath = value.secretMetadataPath;
            this._secretPath = value.secretPath;
            this._tokenWo = value.tokenWo;
            this._tokenWoVersion = value.tokenWoVersion;
        }
    }
    get address() {
        return this.getStringAttribute('address');
    }
    set address(value) {
        this._address = value;
    }
    // Temporarily expose input value. Use with caution.
    get addressInput() {
        return this._address;
    }
    get authMethod() {
        return this.getStringAttribute('auth_method');
    }
    set authMethod(value) {
        this._authMethod = value;
    }
    resetAuthMethod() {
        this._authMethod = undefined;
    }
    // Temporarily expose input value. Use with caution.
    get authMethodInput() {
        return this._authMethod;
    }
    get aws() {
        return this._aws;
    }
    putAws(value) {
        this._aws.internalValue = value;
    }
    resetAws() {
        this._aws.internalValue = undefined;
    }
    // Temporarily expose input value. Use with caution.
    get awsInput() {
        return this._aws.internalValue;
    }
    get k8S() {
        return this._k8S;
    }
    putK8S(value) {
        this._k8S.internalValue = value;
    }
    resetK8S() {
        this._k8S.internalValue = undefined;
    }
    // Temporarily expose input value. Use with caution.
    get k8SInput() {
        return this._k8S.internalValue;
    }
    get kvVersion() {
        return this.getNumberAttribute('kv_version');
    }
    set kvVersion(value) {
        this._kvVersion = value;
    }
    resetKvVersion() {
        this._kvVersion = undefined;
    }
    // Temporarily expose input value. Use with caution.
    get kvVersionInput() {
        return this._kvVersion;
    }
    get namespace() {
        return this.getStringAttribute('namespace');
    }
    set namespace(value) {
        this._namespace = value;
    }
    resetNamespace() {
        this._namespace = undefined;
    }
    // Temporarily expose input value. Use with caution.
    get namespaceInput() {
        return this._namespace;
    }
    get secretMetadataPath() {
        return this.getStringAttribute('secret_metadata_path');
    }
    set secretMetadataPath(value) {
        this._secretMetadataPath = value;
    }
    resetSecretMetadataPath() {
        this._secretMetadataPath = undefined;
    }
    // Temporarily expose input value. Use with caution.
    get secretMetadataPathInput() {
        return this._secretMetadataPath;
    }
    get secretPath() {
        return this.getStringAttribute('secret_path');
    }
    set secretPath(value) {
        this._secretPath = value;
    }
    resetSecretPath() {
        this._secretPath = undefined;
    }
    // Temporarily expose input value. Use with caution.
    get secretPathInput() {
        return this._secretPath;
    }
    get tokenWo() {
        return this.getStringAttribute('token_wo');
    }
    set tokenWo(value) {
        this._tokenWo = value;
    }
    resetTokenWo() {
        this._tokenWo = undefined;
    }
    // Temporarily expose input value. Use with caution.
    get tokenWoInput() {
        return this._tokenWo;
    }
    get tokenWoVersion() {
        return this.getNumberAttribute('token_wo_version');
    }
    set tokenWoVersion(value) {
        this._tokenWoVersion = value;
    }
    resetTokenWoVersion() {
        this._tokenWoVersion = undefined;
    }
    // Temporarily expose input value. Use with caution.
    get tokenWoVersionInput() {
        return this._tokenWoVersion;
    }
}
exports.SecretsManagerVaultOutputReference = SecretsManagerVaultOutputReference;
/**
* Represents a {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secrets_manager coffer_secrets_manager}
*/
class SecretsManager extends cdktf.TerraformResource {
    // =================
    // STATIC PROPERTIES
    // =================
    static { this.tfResourceType = "coffer_secrets_manager"; }
    // ==============
    // STATIC Methods
    // ==============
    /**
    * Generates CDKTF code for importing a SecretsManager resource upon running "cdktf plan <stack-name>"
    * @param scope The scope in which to define this construct
    * @param importToId The construct id used in the generated config for the SecretsManager to import
    * @param importFromId The id of the existing SecretsManager that should be imported. Refer to the {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secrets_manager#import import section} in the documentation of this resource for the id to use
    * @param provider? Optional instance of the provider where the SecretsManager to import is found
    */
    static generateConfigForImport(scope, importToId, importFromId, provider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "coffer_secrets_manager", importId: importFromId, provider });
    }
    // ===========
    // INITIALIZER
    // ===========
    /**
    * Create a new {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/resources/secrets_manager coffer_secrets_manager} Resource
    *
    * @param scope The scope in which to define this construct
    * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
    * @param options SecretsManagerConfig
    */
    constructor(scope, id, config) {
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
        // ==========
        // ATTRIBUTES
        // ==========
        // aws - computed: false, optional: true, required: false
        this._aws = new SecretsManagerAwsOutputReference(this, "aws");
        // vault - computed: false, optional: true, required: false
        this._vault = new SecretsManagerVaultOutputReference(this, "vault");
        this._aws.internalValue = config.aws;
        this._backend = config.backend;
        this._cacheTtlSeconds = config.cacheTtlSeconds;
        this._fallback = config.fallback;
        this._vault.internalValue = config.vault;
    }
    get aws() {
        return this._aws;
    }
    putAws(value) {
        this._aws.internalValue = value;
    }
    resetAws() {
        this._aws.internalValue = undefined;
    }
    // Temporarily expose input value. Use with caution.
    get awsInput() {
        return this._aws.internalValue;
    }
    get backend() {
        return this.getStringAttribute('backend');
    }
    set backend(value) {
        this._backend = value;
    }
    // Temporarily expose input value. Use with caution.
    get backendInput() {
        return this._backend;
    }
    get cacheTtlSeconds() {
        return this.getNumberAttribute('cache_ttl_seconds');
    }
    set cacheTtlSeconds(value) {
        this._cacheTtlSeconds = value;
    }
    resetCacheTtlSeconds() {
        this._cacheTtlSeconds = undefined;
    }
    // Temporarily expose input value. Use with caution.
    get cacheTtlSecondsInput() {
        return this._cacheTtlSeconds;
    }
    // effective_backend - computed: true, optional: false, required: false
    get effectiveBackend() {
        return this.getStringAttribute('effective_backend');
    }
    get fallback() {
        return this.getStringAttribute('fallback');
    }
    set fallback(value) {
        this._fallback = value;
    }
    resetFallback() {
        this._fallback = undefined;
    }
    // Temporarily expose input value. Use with caution.
    get fallbackInput() {
        return this._fallback;
    }
    // fallback_reason - computed: true, optional: false, required: false
    get fallbackReason() {
        return this.getStringAttribute('fallback_reason');
    }
    // id - computed: true, optional: false, required: false
    get id() {
        return this.getStringAttribute('id');
    }
    get vault() {
        return this._vault;
    }
    putVault(value) {
        this._vault.internalValue = value;
    }
    resetVault() {
        this._vault.internalValue = undefined;
    }
    // Temporarily expose input value. Use with caution.
    get vaultInput() {
        return this._vault.internalValue;
    }
    // =========
    // SYNTHESIS
    // =========
    synthesizeAttributes() {
        return {
            aws: secretsManagerAwsToTerraform(this._aws.internalValue),
            backend: cdktf.stringToTerraform(this._backend),
            cache_ttl_seconds: cdktf.numberToTerraform(this._cacheTtlSeconds),
            fallback: cdktf.stringToTerraform(this._fallback),
            vault: secretsManagerVaultToTerraform(this._vault.internalValue),
        };
    }
    synthesizeHclAttributes() {
        const attrs = {
            aws: {
                value: secretsManagerAwsToHclTerraform(this._aws.internalValue),
                isBlock: true,
                type: "struct",
                storageClassType: "SecretsManagerAws",
            },
            backend: {
                value: cdktf.stringToHclTerraform(this._backend),
                isBlock: false,
                type: "simple",
                storageClassType: "string",
            },
            cache_ttl_seconds: {
                value: cdktf.numberToHclTerraform(this._cacheTtlSeconds),
                isBlock: false,
                type: "simple",
                storageClassType: "number",
            },
            fallback: {
                value: cdktf.stringToHclTerraform(this._fallback),
                isBlock: false,
                type: "simple",
                storageClassType: "string",
            },
            vault: {
                value: secretsManagerVaultToHclTerraform(this._vault.internalValue),
                isBlock: true,
                type: "struct",
                storageClassType: "SecretsManagerVault",
            },
        };
        // remove undefined attributes
        return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
    }
}
exports.SecretsManager = SecretsManager;
