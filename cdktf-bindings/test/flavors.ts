// The two entry points side by side, so validation cases run against both.
import * as cdktf from 'cdktf';
import * as cdktn from 'cdktn';
import type { Construct } from 'constructs';
import * as tf from '../src/cdktf/index.ts';
import * as tn from '../src/cdktn/index.ts';

export interface Flavor {
  name: 'cdktf' | 'cdktn';
  api: typeof tf | typeof tn;
  /** A new stack in a fresh test app. */
  stack(): cdktf.TerraformStack | cdktn.TerraformStack;
  variable(
    scope: Construct,
    id: string,
    sensitive: boolean,
  ): cdktf.TerraformVariable | cdktn.TerraformVariable;
  synth(stack: unknown): string;
  warnings(scope: Construct): string[];
  /** The attribute holding a workspace/scoped secret's value. */
  valueAttr: 'value' | 'value_wo';
}

const WARN = '@cdktf/warn';
function warningsOf(scope: Construct): string[] {
  return scope.node
    .findAll()
    .flatMap((c) => c.node.metadata)
    .filter((m) => m.type === WARN)
    .map((m) => String(m.data));
}

export const cdktfFlavor: Flavor = {
  name: 'cdktf',
  api: tf,
  stack: () => new cdktf.TerraformStack(cdktf.Testing.app(), 'test'),
  variable: (scope, id, sensitive) => new cdktf.TerraformVariable(scope, id, { type: 'string', sensitive }),
  synth: (stack) => cdktf.Testing.synth(stack as cdktf.TerraformStack),
  warnings: warningsOf,
  valueAttr: 'value',
};

export const cdktnFlavor: Flavor = {
  name: 'cdktn',
  api: tn,
  stack: () => new cdktn.TerraformStack(cdktn.Testing.app(), 'test'),
  variable: (scope, id, sensitive) => new cdktn.TerraformVariable(scope, id, { type: 'string', sensitive }),
  synth: (stack) => cdktn.Testing.synth(stack as cdktn.TerraformStack),
  warnings: warningsOf,
  valueAttr: 'value_wo',
};

export const FLAVORS = [cdktfFlavor, cdktnFlavor];

/** Parses a synthesized stack and returns one resource's attributes by type (the only one, or by name prefix). */
export function resourceOf(synth: string, type: string, prefix = ''): Record<string, unknown> {
  const doc = JSON.parse(synth) as { resource?: Record<string, Record<string, Record<string, unknown>>> };
  const all = doc.resource?.[type] ?? {};
  const names = Object.keys(all).filter((n) => n.startsWith(prefix));
  if (names.length !== 1)
    throw new Error(`expected one ${type} named ${prefix}*, found ${names.join(', ') || 'none'}`);
  return all[names[0] as string] as Record<string, unknown>;
}

/** A Terraform interpolation as it appears in synthesized JSON: ref('var.x') is "${var.x}". */
export function ref(expression: string): string {
  return `\${${expression}}`;
}
