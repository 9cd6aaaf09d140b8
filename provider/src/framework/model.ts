// Typed resource models, derived from a schema declared with `satisfies Attributes` (so its literal types
// survive): terraform-plugin-framework's `Plan.Get(ctx, &model)` without the reflection. A handler reads
// `planned.name` as a string, not `str(planned.name) as string`. Types only: the values are the shaped
// objects the framework hands over (conform.ts), so the runtime is unchanged.
import type { CtyType } from '../wire/codec.ts';
import type { UNKNOWN, Value } from './value.ts';

export type Unknown = typeof UNKNOWN;

/** The JS value of a cty type. A number is a JS number when that is exact, else its decimal string
 * (wire/numbers.ts): an integer validator rules the string out of a configuration, not out of a state. */
type Of<T> = T extends 'string'
  ? string
  : T extends 'number'
    ? number | string
    : T extends 'bool'
      ? boolean
      : T extends readonly ['list' | 'set', infer E]
        ? Of<E>[]
        : T extends readonly ['map', infer E]
          ? { [k: string]: Of<E> }
          : T extends readonly ['object', infer O]
            ? { [K in keyof O]: Of<O[K]> | null }
            : Value;

type Required<A> = A extends { readonly required: true } ? true : false;
type Computed<A> = A extends { readonly computed: true } ? true : false;

/** One attribute's value in a state or an applied configuration: known; null unless required. */
type KnownValue<A> = A extends {
  readonly nested: { readonly nesting: 'single'; readonly attributes: infer N };
}
  ? Known<N> | null
  : A extends { readonly type: infer T extends CtyType }
    ? Required<A> extends true
      ? Of<T>
      : Of<T> | null
    : Value;

/** A state, or the configuration at apply time (write-only values included): every value known. */
export type Known<A> = { -readonly [K in keyof A]: KnownValue<A[K]> };

/** One attribute's value in a plan: computed ones may be unknown ("known after apply"). */
type PlannedValue<A> = A extends {
  readonly nested: { readonly nesting: 'single'; readonly attributes: infer N };
}
  ? Planned<N> | null | (Computed<A> extends true ? Unknown : never)
  : KnownValue<A> | (Computed<A> extends true ? Unknown : never);

/** A planned state: known values, and unknown ones where the attribute is computed. */
export type Planned<A> = { -readonly [K in keyof A]: PlannedValue<A[K]> };
