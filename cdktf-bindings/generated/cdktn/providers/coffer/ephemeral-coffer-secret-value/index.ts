// https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/ephemeral-resources/secret_value
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktn from 'cdktn';

// Configuration

export interface EphemeralCofferSecretValueConfig extends cdktn.TerraformEphemeralMetaArguments {
  /**
  * Set it to the version of the secret this reads (e.g. coffer_secret.db.version) when that secret is managed in the same configuration. Not sent to the API: while the secret is yet to be created or rotated, the version is unknown, and both OpenTofu and Terraform then read the value during apply, after the write, instead of during plan (Terraform opens ephemeral resources while planning, depends_on notwithstanding).
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/ephemeral-resources/secret_value#after_version EphemeralCofferSecretValue#after_version}
  */
  readonly afterVersion?: number;
  /**
  * The secret name.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/ephemeral-resources/secret_value#name EphemeralCofferSecretValue#name}
  */
  readonly name: string;
  /**
  * Deprecated: leave it out. The team layer is the workspace's own team (from the workspace record), so team secrets take part without it. Still accepted and sent when set, and then it must name that team (the API refuses any other team).
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/ephemeral-resources/secret_value#team_id EphemeralCofferSecretValue#team_id}
  */
  readonly teamId?: string;
  /**
  * The workspace resolving the name.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/ephemeral-resources/secret_value#workspace_id EphemeralCofferSecretValue#workspace_id}
  */
  readonly workspaceId: string;
}

/**
* Represents a {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs/ephemeral-resources/secret_value coffer_secret_value}
*/
export class EphemeralCofferSecretValue extends cdktn.TerraformEphemeralResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "coffer_secret_value";

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
  public constructor(scope: Construct, id: string, config: EphemeralCofferSecretValueConfig) {
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

  // ==========
  // ATTRIBUTES
  // ==========

  // after_version - computed: false, optional: true, required: false
  private _afterVersion?: number; 
  public get afterVersion() {
    return this.getNumberAttribute('after_version');
  }
  public set afterVersion(value: number) {
    this._afterVersion = value;
  }
  public resetAfterVersion() {
    this._afterVersion = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get afterVersionInput() {
    return this._afterVersion;
  }

  // name - computed: false, optional: false, required: true
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // scope_type - computed: true, optional: false, required: false
  public get scopeType() {
    return this.getStringAttribute('scope_type');
  }

  // source - computed: true, optional: false, required: false
  public get source() {
    return this.getStringAttribute('source');
  }

  // team_id - computed: false, optional: true, required: false
  private _teamId?: string; 
  public get teamId() {
    return this.getStringAttribute('team_id');
  }
  public set teamId(value: string) {
    this._teamId = value;
  }
  public resetTeamId() {
    this._teamId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get teamIdInput() {
    return this._teamId;
  }

  // value - computed: true, optional: false, required: false
  public get value() {
    return this.getStringAttribute('value');
  }

  // version - computed: true, optional: false, required: false
  public get version() {
    return this.getNumberAttribute('version');
  }

  // workspace_id - computed: false, optional: false, required: true
  private _workspaceId?: string; 
  public get workspaceId() {
    return this.getStringAttribute('workspace_id');
  }
  public set workspaceId(value: string) {
    this._workspaceId = value;
  }
  // Temporarily expose input value. Use with caution.
  public get workspaceIdInput() {
    return this._workspaceId;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      after_version: cdktn.numberToTerraform(this._afterVersion),
      name: cdktn.stringToTerraform(this._name),
      team_id: cdktn.stringToTerraform(this._teamId),
      workspace_id: cdktn.stringToTerraform(this._workspaceId),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
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
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
