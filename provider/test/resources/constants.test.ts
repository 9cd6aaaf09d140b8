// The provider declares its schema without loading the SDK; its copies of the API's naming rules must stay
// those the SDK exports.
import * as sdk from '@coffer/sdk';
import { describe, expect, it } from 'vitest';
import { SCOPE_ID, SECRET_NAME, WORKSPACE_SECRET_KEYS } from '../../src/resources/constants.ts';

describe('naming rules', () => {
  it('match the SDK', () => {
    expect(SECRET_NAME.source).toBe(sdk.SECRET_NAME.source);
    expect(SCOPE_ID.source).toBe(sdk.SCOPE_ID.source);
    expect([...WORKSPACE_SECRET_KEYS]).toEqual([...sdk.WORKSPACE_SECRET_KEYS]);
  });
});
