// Diagnostics: what the CLI prints as "Error: <summary>" with the configuration line of the attribute the
// path points at. Built by the framework and the resources; turned into the wire shape in one place.

/** One step of an attribute path: an attribute name, a map key or a list index. */
export type PathStep = string | { key: string } | { index: number };
export type Path = readonly PathStep[];

export interface Diagnostic {
  severity: 'error' | 'warning';
  summary: string;
  detail: string;
  path?: Path;
}

export function error(summary: string, detail = '', path?: Path): Diagnostic {
  return path ? { severity: 'error', summary, detail, path } : { severity: 'error', summary, detail };
}

export function warning(summary: string, detail = '', path?: Path): Diagnostic {
  return path ? { severity: 'warning', summary, detail, path } : { severity: 'warning', summary, detail };
}

export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === 'error');
}

/** Thrown from resource code to stop an operation with diagnostics; the framework catches it. */
export class DiagnosticsError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic | Diagnostic[]) {
    const list = Array.isArray(diagnostics) ? diagnostics : [diagnostics];
    super(list.map((d) => d.summary).join('; '));
    this.name = 'DiagnosticsError';
    this.diagnostics = list;
  }
}

/** The tfplugin6 AttributePath message as @grpc/proto-loader takes it. */
export interface WireAttributePath {
  steps: ({ attribute_name: string } | { element_key_string: string } | { element_key_int: number })[];
}

export interface WireDiagnostic {
  severity: 'ERROR' | 'WARNING';
  summary: string;
  detail: string;
  attribute?: WireAttributePath | null;
}

export function toWirePath(path: Path): WireAttributePath {
  return {
    steps: path.map((s) =>
      typeof s === 'string'
        ? { attribute_name: s }
        : 'key' in s
          ? { element_key_string: s.key }
          : { element_key_int: s.index },
    ),
  };
}

/** A path as a person writes it: `vault.k8s.role`, `tags["a"]`, `rules[0].name`. */
export function pathText(path: Path): string {
  return path
    .map((s, i) =>
      typeof s === 'string'
        ? `${i === 0 ? '' : '.'}${s}`
        : 'key' in s
          ? `[${JSON.stringify(s.key)}]`
          : `[${s.index}]`,
    )
    .join('');
}

/**
 * The wire form. Neither OpenTofu nor Terraform can follow a path into the value of a nested attribute
 * (`vault = { kv_version = 3 }`): given one, they show the resource's first line. So the path sent stops at
 * the top-level attribute, whose line they do show, and the detail names the full path.
 */
export function toWire(d: Diagnostic): WireDiagnostic {
  const nested = !!d.path && d.path.length > 1;
  const out: WireDiagnostic = {
    severity: d.severity === 'error' ? 'ERROR' : 'WARNING',
    summary: d.summary,
    detail: nested ? `At ${pathText(d.path as Path)}: ${d.detail}` : d.detail,
  };
  if (d.path && d.path.length > 0) out.attribute = toWirePath(d.path.slice(0, 1));
  return out;
}

/** A thrown value as diagnostics: DiagnosticsError as is, anything else as one error (message only). */
export function fromThrown(e: unknown, what: string): Diagnostic[] {
  if (e instanceof DiagnosticsError) return e.diagnostics;
  const message = e instanceof Error ? e.message : String(e);
  return [error(`${what} failed`, message)];
}
