// Client-side checks for the rules a caller most often gets wrong. The server stays the authority:
// these only refuse input that the spec says can never be valid, with the same JSON pointers it uses.
import { type FieldError, ValidationError } from '../errors.ts';
import {
  DISPLAY_NAME,
  MAX_DISPLAY_NAME_LENGTH,
  MAX_EXPIRES_IN_DAYS,
  SCOPE_ID,
  SCOPE_TYPES,
  SECRET_NAME,
  WORKSPACE_SECRET_KEYS,
  type WorkspaceSecretKey,
} from '../rules.ts';

/** Whether `key` is one of the spec's workspace-override keys. */
export function isWorkspaceSecretKey(key: unknown): key is WorkspaceSecretKey {
  return WORKSPACE_SECRET_KEYS.some((k) => k === key);
}

export class Checks {
  readonly errors: FieldError[] = [];

  add(pointer: string, detail: string): this {
    this.errors.push({ pointer, detail });
    return this;
  }

  name(pointer: string, value: unknown): this {
    if (value === undefined) return this;
    if (typeof value !== 'string' || !SECRET_NAME.test(value)) {
      this.add(pointer, `must match ${SECRET_NAME.source} (an environment-variable name)`);
    }
    return this;
  }

  scopeId(pointer: string, value: unknown): this {
    if (value === undefined) return this;
    if (typeof value !== 'string' || !SCOPE_ID.test(value))
      this.add(pointer, `must match ${SCOPE_ID.source}`);
    return this;
  }

  /** An organization's, team's or workspace's `name` (the spec's `DisplayName`). */
  displayName(pointer: string, value: unknown): this {
    if (value === undefined) return this;
    if (typeof value !== 'string' || value.length > MAX_DISPLAY_NAME_LENGTH || !DISPLAY_NAME.test(value)) {
      this.add(
        pointer,
        `must be 1 to ${MAX_DISPLAY_NAME_LENGTH} characters without leading or trailing spaces`,
      );
    }
    return this;
  }

  /** A workspace's `teamId`: a team id, or null for a workspace directly in its organization. */
  teamRef(pointer: string, value: unknown): this {
    return value === null ? this : this.scopeId(pointer, value);
  }

  scope(pointer: string, value: unknown, required: boolean): this {
    if (value === undefined) {
      if (required) this.add(pointer, 'is required');
      return this;
    }
    if (value === null || typeof value !== 'object')
      return this.add(pointer, 'must be an object { type, id }');
    const s = value as { type?: unknown; id?: unknown };
    if (!SCOPE_TYPES.some((t) => t === s.type))
      this.add(`${pointer}/type`, `must be one of ${SCOPE_TYPES.join(', ')}`);
    if (s.id === undefined) this.add(`${pointer}/id`, 'is required');
    else this.scopeId(`${pointer}/id`, s.id);
    return this;
  }

  limit(value: unknown): this {
    if (value === undefined) return this;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 500) {
      this.add('/query/limit', 'must be an integer from 1 to 500');
    }
    return this;
  }

  expiresInDays(pointer: string, days: unknown): this {
    if (days === undefined) return this;
    if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > MAX_EXPIRES_IN_DAYS) {
      this.add(pointer, `must be an integer from 1 to ${MAX_EXPIRES_IN_DAYS}`);
    }
    return this;
  }

  pathParam(name: string, value: unknown): this {
    if (typeof value !== 'string' || value === '') this.add(`/path/${name}`, 'must be a non-empty string');
    return this;
  }

  required(pointer: string, value: unknown): this {
    if (value === undefined || value === null) this.add(pointer, 'is required');
    return this;
  }

  done(): void {
    if (this.errors.length > 0) throw new ValidationError(this.errors);
  }

  /** Throws the errors found so far (call it after `add`). */
  fail(): never {
    throw new ValidationError(this.errors);
  }
}

export function check(): Checks {
  return new Checks();
}
