// coffer.audit: who read which secret, and every change.

import { check } from '../internal/validate.ts';
import type { RequestOptions } from '../options.ts';
import type { PageIterable } from '../pagination.ts';
import type { ListQuery, Schema, Schemas } from '../types.ts';
import { APIResource } from './resource.ts';

/** One secret value read (by resolve), with where it came from and who asked. */
export interface SecretRead extends Schema<'SecretRead'> {}
/** One audit event: a change, a key created or revoked, a failed authentication. */
export interface AuditEvent extends Schema<'AuditEvent'> {}
export type AuditEventType = Schemas['AuditEventType'];
export type AuditTarget = Schemas['AuditTarget'];
/** The API key behind a read or an event. */
export type Principal = Schemas['Principal'];
/** Filters of `audit.secretReads`; `cursor` starts from a given page. */
export interface SecretReadListParams extends ListQuery<'listSecretReads'> {}
/** Filters of `audit.events`; `cursor` starts from a given page. */
export interface AuditEventListParams extends ListQuery<'listAuditEvents'> {}

export class Audit extends APIResource {
  /** listSecretReads: GET /v1/audit/secret-reads, every page. */
  secretReads(params?: SecretReadListParams, options?: RequestOptions): PageIterable<SecretRead> {
    check().limit(params?.limit).done();
    return this._paginate(params, (cursor) =>
      this._client.call('GET', '/v1/audit/secret-reads', { query: { ...params, cursor } }, options),
    );
  }

  /** listAuditEvents: GET /v1/audit/events, every page. */
  events(params?: AuditEventListParams, options?: RequestOptions): PageIterable<AuditEvent> {
    check().limit(params?.limit).done();
    return this._paginate(params, (cursor) =>
      this._client.call('GET', '/v1/audit/events', { query: { ...params, cursor } }, options),
    );
  }
}
