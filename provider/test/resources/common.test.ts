import * as sdk from '@coffer/sdk';
import { describe, expect, it } from 'vitest';
import { UNKNOWN } from '../../src/framework/value.ts';
import { CofferClient } from '../../src/resources/client.ts';
import {
  appliedVersion,
  configuredValue,
  drifted,
  sameInstant,
  validateValue,
  valueWillBeSent,
} from '../../src/resources/common.ts';

const cfg = (o: Record<string, unknown>) =>
  ({ value: null, value_wo: null, value_wo_version: null, ...o }) as never;

describe('value xor value_wo', () => {
  it('accepts exactly one of them (unknown counts as set)', () => {
    expect(validateValue(cfg({ value: 'x' }))).toEqual([]);
    expect(validateValue(cfg({ value_wo: 'x', value_wo_version: 1 }))).toEqual([]);
    expect(validateValue(cfg({ value_wo: UNKNOWN }))).toEqual([]);
  });

  it('points at value_wo when both are set, and at value when neither is', () => {
    expect(validateValue(cfg({ value: 'a', value_wo: 'b' }))).toMatchObject([
      { severity: 'error', summary: 'Conflicting value attributes', path: ['value_wo'] },
    ]);
    expect(validateValue(cfg({}))).toMatchObject([{ summary: 'Missing value', path: ['value'] }]);
  });

  it('sends the configured value wrapped so it cannot be printed by accident', () => {
    const s = configuredValue(
      new CofferClient(sdk, 'http://127.0.0.1:1', undefined),
      cfg({ value_wo: 'top-secret' }),
    );
    expect(s).toBeInstanceOf(sdk.Secret);
    expect(String(s)).not.toContain('top-secret');
    expect(JSON.stringify({ s })).not.toContain('top-secret');
    expect(s.reveal()).toBe('top-secret');
  });
});

describe('drift through version', () => {
  const prior = { value: null, value_wo: null, value_wo_version: 1, version: 3 } as never;

  it('is drift when the server version is not the one this provider wrote', () => {
    expect(drifted(prior, { applied_version: 3 })).toBe(false);
    expect(drifted(prior, { applied_version: 2 })).toBe(true);
    expect(drifted(prior, null)).toBe(false); // no record (older state): nothing to compare with
    expect(appliedVersion({ applied_version: 'x' })).toBeNull();
  });

  it('sends the value when it changed, when value_wo_version changed, or after drift', () => {
    const planned = (o: Record<string, unknown>) =>
      ({ value: null, value_wo: null, value_wo_version: 1, ...o }) as never;
    expect(valueWillBeSent(prior, planned({}), { applied_version: 3 })).toBe(false);
    expect(valueWillBeSent(prior, planned({ value_wo_version: 2 }), { applied_version: 3 })).toBe(true);
    expect(valueWillBeSent(prior, planned({}), { applied_version: 2 })).toBe(true);
    expect(valueWillBeSent(prior, planned({ value: 'now-plain' }), { applied_version: 3 })).toBe(true);
    expect(valueWillBeSent(prior, planned({ value: UNKNOWN }), { applied_version: 3 })).toBe(true);
  });
});

describe('timestamps', () => {
  it("keeps the configuration's spelling of the same instant, takes the server's otherwise", () => {
    expect(sameInstant('2030-01-01T00:00:00Z', '2030-01-01T00:00:00.000Z')).toBe('2030-01-01T00:00:00Z');
    expect(sameInstant('2030-01-01T00:00:00Z', '2031-01-01T00:00:00.000Z')).toBe('2031-01-01T00:00:00.000Z');
    expect(sameInstant('2030-01-01T00:00:00Z', null)).toBeNull();
  });
});
