import { Construct } from 'constructs';
import * as cdktn from 'cdktn';
export interface CofferProviderConfig {
    /**
    * API key (Bearer token); from a file, trimspace(file(...)) drops the newline. Default: env COFFER_API_KEY.
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs#api_key CofferProvider#api_key}
    */
    readonly apiKey?: string;
    /**
    * The Coffer API, e.g. http://127.0.0.1:8080, without /v1 and without a user name or password (plain http:// to another machine is warned about). Default: env COFFER_BASE_URL.
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs#base_url CofferProvider#base_url}
    */
    readonly baseUrl?: string;
    /**
    * Retries after the first attempt for connection errors, timeouts, 408 and 5xx (default 2; 0 turns every retry off). 429 answers are retried apart from these, waiting as Retry-After says, for up to 60 s per call, so runs ride out the server's rate limit.
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs#max_retries CofferProvider#max_retries}
    */
    readonly maxRetries?: number;
    /**
    * Per-attempt request timeout in milliseconds (default 30000; 0 disables).
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs#timeout_ms CofferProvider#timeout_ms}
    */
    readonly timeoutMs?: number;
    /**
    * Alias name
    *
    * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs#alias CofferProvider#alias}
    */
    readonly alias?: string;
}
/**
* Represents a {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs coffer}
*/
export declare class CofferProvider extends cdktn.TerraformProvider {
    static readonly tfResourceType = "coffer";
    /**
    * Generates CDKTN code for importing a CofferProvider resource upon running "cdktn plan <stack-name>"
    * @param scope The scope in which to define this construct
    * @param importToId The construct id used in the generated config for the CofferProvider to import
    * @param importFromId The id of the existing CofferProvider that should be imported. Refer to the {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs#import import section} in the documentation of this resource for the id to use
    * @param provider? Optional instance of the provider where the CofferProvider to import is found
    */
    static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktn.TerraformProvider): cdktn.ImportableResource;
    /**
    * Create a new {@link https://registry.opentofu.org/providers/coffer/coffer/0.1.0/docs coffer} Resource
    *
    * @param scope The scope in which to define this construct
    * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
    * @param options CofferProviderConfig = {}
    */
    constructor(scope: Construct, id: string, config?: CofferProviderConfig);
    private _apiKey?;
    get apiKey(): string | undefined;
    set apiKey(value: string | undefined);
    resetApiKey(): void;
    get apiKeyInput(): string | undefined;
    private _baseUrl?;
    get baseUrl(): string | undefined;
    set baseUrl(value: string | undefined);
    resetBaseUrl(): void;
    get baseUrlInput(): string | undefined;
    private _maxRetries?;
    get maxRetries(): number | undefined;
    set maxRetries(value: number | undefined);
    resetMaxRetries(): void;
    get maxRetriesInput(): number | undefined;
    private _timeoutMs?;
    get timeoutMs(): number | undefined;
    set timeoutMs(value: number | undefined);
    resetTimeoutMs(): void;
    get timeoutMsInput(): number | undefined;
    private _alias?;
    get alias(): string | undefined;
    set alias(value: string | undefined);
    resetAlias(): void;
    get aliasInput(): string | undefined;
    protected synthesizeAttributes(): {
        [name: string]: any;
    };
    protected synthesizeHclAttributes(): {
        [name: string]: any;
    };
}
