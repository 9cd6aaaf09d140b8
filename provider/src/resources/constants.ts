// The API's naming rules, as the SDK exports them (SECRET_NAME, SCOPE_ID, WORKSPACE_SECRET_KEYS). Kept here so
// the schema can be declared without loading the SDK (and its HTTP stack) at start-up;
// test/resources/constants.test.ts fails if they drift from the SDK's.
export const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
export const SCOPE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const SCOPE_TYPES = ['organization', 'team', 'workspace'] as const;
export const CATEGORIES = ['provider', 'infrastructure', 'integration', 'agent'] as const;
export const WORKSPACE_SECRET_KEYS = [
  'OPENAI_API_KEY',
  'ANTHROPIC_API_KEY',
  'GEMINI_API_KEY',
  'GROK_API_KEY',
  'GROQ_API_KEY',
  'BRAVE_API_KEY',
  'RESEND_API_KEY',
] as const;
