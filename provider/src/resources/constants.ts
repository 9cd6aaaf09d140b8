// The API's naming rules from the SDK (generated from the spec), without loading its HTTP stack at start-up.
export {
  SCOPE_ID,
  SCOPE_TYPES,
  SECRET_CATEGORIES as CATEGORIES,
  SECRET_NAME,
  WORKSPACE_SECRET_KEYS,
} from '@coffer/sdk/rules';
