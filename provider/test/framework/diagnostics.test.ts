import { describe, expect, it } from 'vitest';
import { DiagnosticsError, error, fromThrown, toWire, warning } from '../../src/framework/diagnostics.ts';
import { validateAttributes, writeOnlyNotAllowed } from '../../src/framework/validate.ts';
import { integerBetween, matches, oneOf } from '../../src/framework/validators.ts';
import { UNKNOWN } from '../../src/framework/value.ts';

describe('diagnostics on the wire', () => {
  it('points at a top-level attribute', () => {
    expect(toWire(error('Bad', 'detail', ['name']))).toEqual({
      severity: 'ERROR',
      summary: 'Bad',
      detail: 'detail',
      attribute: { steps: [{ attribute_name: 'name' }] },
    });
  });

  it('points a nested path at its top-level attribute (the line the CLIs can show) and names it in the detail', () => {
    const d = toWire(error('Bad', 'detail', ['vault', { key: 'a' }, { index: 2 }, 'address']));
    expect(d).toEqual({
      severity: 'ERROR',
      summary: 'Bad',
      detail: 'At vault["a"][2].address: detail',
      attribute: { steps: [{ attribute_name: 'vault' }] },
    });
  });

  it('leaves the path out when there is none, and maps warnings', () => {
    expect(toWire(warning('W'))).toEqual({ severity: 'WARNING', summary: 'W', detail: '' });
  });

  it('turns a DiagnosticsError back into its diagnostics and anything else into one error', () => {
    const e = new DiagnosticsError([error('A'), error('B')]);
    expect(fromThrown(e, 'x').map((d) => d.summary)).toEqual(['A', 'B']);
    expect(fromThrown(new Error('boom'), 'Creating y')).toEqual([error('Creating y failed', 'boom')]);
  });
});

describe('validation', () => {
  const attrs = {
    name: {
      type: 'string' as const,
      required: true,
      description: '',
      validators: [matches(/^[A-Z_]+$/, 'a NAME')],
    },
    kind: { type: 'string' as const, optional: true, description: '', validators: [oneOf(['a', 'b'])] },
    days: { type: 'number' as const, optional: true, description: '', validators: [integerBetween(1, 10)] },
    token: {
      type: 'string' as const,
      optional: true,
      sensitive: true,
      description: '',
      validators: [oneOf(['never-matches'])],
    },
    token_wo: { type: 'string' as const, optional: true, writeOnly: true, description: '' },
    block: {
      optional: true,
      description: '',
      nested: {
        nesting: 'single' as const,
        attributes: {
          inner_wo: { type: 'string' as const, optional: true, writeOnly: true, description: '' },
        },
      },
    },
  };

  it('reports each invalid attribute at its path and skips unknown values', () => {
    const diags = validateAttributes(attrs, {
      name: 'lower',
      kind: UNKNOWN,
      days: 11,
      token: null,
      token_wo: null,
      block: null,
    });
    expect(diags.map((d) => [d.path, d.summary])).toEqual([
      [['name'], 'Invalid name'],
      [['days'], 'Invalid days'],
    ]);
    expect(diags[0]?.detail).toContain('"lower"');
  });

  it('never quotes a sensitive value', () => {
    const diags = validateAttributes(attrs, {
      name: 'OK',
      kind: null,
      days: null,
      token: 'hunter2-secret',
      token_wo: null,
      block: null,
    });
    expect(diags).toHaveLength(1);
    expect(JSON.stringify(diags)).not.toContain('hunter2');
    expect(diags[0]?.detail).toContain('(sensitive value)');
  });

  it('refuses write-only values, nested ones too, when the client cannot handle them', () => {
    const diags = writeOnlyNotAllowed(attrs, {
      name: 'OK',
      kind: null,
      days: null,
      token: null,
      token_wo: 'x',
      block: { inner_wo: 'y' },
    });
    expect(diags.map((d) => d.path)).toEqual([['token_wo'], ['block', 'inner_wo']]);
  });
});
