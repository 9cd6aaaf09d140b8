/** Small helpers shared by the route handlers. */
import { DuplicateError, type NewAuditEvent, type ScopeType, type UpdateResult } from '../../store/types.ts';
import type { Principal } from '../access.ts';
import { HttpError } from '../problem.ts';
import { etag, isoOrNull } from '../views.ts';

export type Body = Record<string, unknown>;

export function page(query: Record<string, unknown>): { limit?: number; cursor?: string } {
  const p: { limit?: number; cursor?: string } = {};
  if (typeof query.limit === 'number') p.limit = query.limit;
  if (typeof query.cursor === 'string') p.cursor = query.cursor;
  return p;
}

/** A validated date-time in the store's form; 422 for the few the format accepts but Date cannot hold. */
export function dateField(v: unknown, pointer: string, status: 400 | 422 = 422): string | null | undefined {
  if (v === undefined || v === null) return v as null | undefined;
  const iso = isoOrNull(String(v));
  if (iso === null)
    throw new HttpError(status, 'A date-time is out of range.', [
      { pointer, detail: 'is not a representable date-time' },
    ]);
  return iso;
}

/** The request's ids: the server's own (what the audit keys on) and the client's X-Request-Id, if any. */
export interface RequestIds {
  requestId: string;
  clientRequestId?: string | null;
}

export function event(
  principal: Principal,
  ids: RequestIds,
  type: string,
  target: {
    kind: string;
    id?: string | null;
    name?: string | null;
    scope?: { type: ScopeType; id: string } | null;
    /** The organization the event belongs to: by default the key's own when there is a scope, else none. */
    organizationId?: string | null;
  },
  details: Record<string, unknown> = {},
): NewAuditEvent {
  return {
    type,
    principalId: principal.keyId,
    requestId: ids.requestId,
    name: target.name ?? null,
    scopeType: target.scope?.type ?? null,
    scopeId: target.scope?.id ?? null,
    organizationId:
      target.organizationId !== undefined
        ? target.organizationId
        : target.scope
          ? principal.organizationId
          : null,
    details: {
      kind: target.kind,
      id: target.id ?? null,
      ...details,
      ...(ids.clientRequestId ? { clientRequestId: ids.clientRequestId } : {}),
    },
  };
}

/** If-Match: `*` or one strong ETag `"N"` (a revision). A weak tag never matches (RFC 9110 strong comparison). */
export function expectedRevision(header: unknown): number | undefined | 'never' {
  if (header === undefined) return undefined;
  const v = String(header).trim();
  if (v === '*') return undefined;
  const m = /^"(\d{1,15})"$/.exec(v);
  if (m) return Number(m[1]);
  if (/^W\/"\d{1,15}"$/.test(v)) return 'never';
  throw new HttpError(400, 'If-Match must be an ETag like "3" or *.', [
    { pointer: '/header/If-Match', detail: 'must be a strong ETag such as "3", or *' },
  ]);
}

/** 412 for a lost If-Match race, with the current ETag. */
export function preconditionFailed(what: string, current: number): HttpError {
  return new HttpError(412, `The ${what} changed: it is at revision ${current}.`, undefined, {
    etag: etag(current),
  });
}

/** The record an update wrote, or the 404 / 412 it came to. */
export function updatedOrThrow<T>(r: UpdateResult<T>, what: string, notFound: () => HttpError): T {
  if (r.ok) return r.record;
  if (r.reason === 'not_found') throw notFound();
  throw preconditionFailed(what, r.currentRevision);
}

/** A create whose caller-chosen id is taken (ids are unique in the deployment): 409 on /id. */
export function unlessTaken(what: string, id: string): (err: unknown) => never {
  return (err) => {
    if (err instanceof DuplicateError) {
      throw new HttpError(409, `The ${what} id ${id} is taken.`, [{ pointer: '/id', detail: 'is taken' }]);
    }
    throw err;
  };
}

/** If-Match as the revision an update must find (-1 for a weak tag, which never matches). */
export function ifMatch(headers: Record<string, unknown>): number | undefined {
  const expected = expectedRevision(headers['if-match']);
  return expected === 'never' ? -1 : expected;
}
