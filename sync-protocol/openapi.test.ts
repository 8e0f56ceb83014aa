import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BLOB_ROLES } from '../common/sync/attachments';
import { auditFlagSchema, auditPointSchema, bundleAuditAnswerSchema, bundleAuditSchema } from '../common/sync/auditAnchor';
import { CASE_STATES } from '../common/cases/stateMachine';
import {
  applicationOnlineBodySchema,
  caseUpsertBodySchema,
  certificationRecordBodySchema,
  certificationRemoteBodySchema,
  PULL_ITEM_SCHEMAS,
  ONLINE_APPLICATION_SOURCES,
  RECORD_KINDS,
  REMOTE_CERTIFICATION_METHODS,
  VERIFICATION_DATA_TYPES,
  verificationReportBodySchema,
} from './records/index';

const doc = parse(readFileSync(join(__dirname, '../docs/sync-openapi.yaml'), 'utf8')) as Record<string, unknown> & {
  paths: Record<string, Record<string, { operationId?: string; responses?: Record<string, unknown> }>>;
  components: { schemas: Record<string, Record<string, unknown>> };
};

/** Every `$ref` in the document, with where it was found. */
function refs(node: unknown, at = '#'): Array<{ ref: string; at: string }> {
  if (Array.isArray(node)) return node.flatMap((n, i) => refs(n, `${at}/${i}`));
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) =>
    k === '$ref' && typeof v === 'string' ? [{ ref: v, at }] : refs(v, `${at}/${k}`),
  );
}

function resolve(ref: string): unknown {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>(
      (node, key) =>
        node && typeof node === 'object' ? (node as Record<string, unknown>)[key.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined,
      doc,
    );
}

describe('docs/sync-openapi.yaml', () => {
  it('is OpenAPI 3.1 whose every $ref resolves and every protocol operation has an id and answers', () => {
    expect(doc['openapi']).toMatch(/^3\.1\./);
    const unresolved = refs(doc).filter((r) => resolve(r.ref) === undefined);
    expect(unresolved).toEqual([]);
    const ids: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      expect(path.startsWith('/')).toBe(true);
      for (const [method, op] of Object.entries(item)) {
        if (method === 'parameters') continue;
        expect(['get', 'head', 'post', 'patch', 'delete', 'options', 'put']).toContain(method);
        expect(Object.keys(op.responses ?? {}).length, `${method} ${path}`).toBeGreaterThan(0);
        // The protocol's operations (not the reference platform's /admin helpers) are named.
        if (path.startsWith('/v1/')) expect(op.operationId, `${method} ${path}`).toBeTruthy();
        if (op.operationId) ids.push(op.operationId);
      }
      // Every {param} of a path is declared.
      const declared = JSON.stringify(item).match(/"in":"path"/g)?.length ?? 0;
      expect(declared, path).toBeGreaterThanOrEqual((path.match(/\{/g) ?? []).length);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('documents the station-scoped blob download and the counter number of registration', () => {
    const get = doc.paths['/v1/cases/{caseId}/blobs/{sha256}']?.['get'];
    expect(get?.operationId).toBe('caseBlobGet');
    expect(Object.keys(get?.responses ?? {})).toEqual(expect.arrayContaining(['200', '206', '404', '416']));
    expect(doc.paths['/v1/devices']?.['post']?.responses?.['409']).toBeTruthy();
    const blobRef = doc.components.schemas['BlobRef'] as { properties: { role: { enum: string[] } } };
    expect(blobRef.properties.role.enum).toEqual([...BLOB_ROLES]);
  });

  it('documents the audit anchor with the fields of its schemas (bundle, answer, flag)', () => {
    const props = (name: string) =>
      Object.keys((doc.components.schemas[name] as { properties: Record<string, unknown> }).properties).sort();
    expect(props('AuditPoint')).toEqual(Object.keys(auditPointSchema.shape).sort());
    expect(props('BundleAudit')).toEqual(Object.keys(bundleAuditSchema.shape).sort());
    expect(props('BundleAuditAnswer')).toEqual(Object.keys(bundleAuditAnswerSchema.shape).sort());
    expect(props('AuditFlag')).toEqual(Object.keys(auditFlagSchema.shape).sort());
    expect(props('BundlePayload')).toContain('audit');
    expect(props('BundleResultPayload')).toContain('audit');
  });

  it('names a body schema for every record kind the records module registers, with the fields of its schema', () => {
    const record = doc.components.schemas['OutboxRecord'] as { 'x-bodies': Record<string, { $ref: string }> };
    expect(Object.keys(record['x-bodies']).sort()).toEqual([...RECORD_KINDS].sort());
    const props = (name: string) => (doc.components.schemas[name] as { properties: Record<string, { enum?: string[] }> }).properties;
    expect(Object.keys(props('CaseUpsertBody')).sort()).toEqual(Object.keys(caseUpsertBodySchema.shape).sort());
    expect(props('CaseUpsertBody')['state']!.enum).toEqual([...CASE_STATES]);
    expect(Object.keys(props('CertificationRecordBody')).sort()).toEqual(Object.keys(certificationRecordBodySchema.shape).sort());
  });

  it('lists every pull item kind the workstation knows, and the certification.remote body with the fields of its schema', () => {
    const kinds = (doc.components.schemas['PullItem'] as { properties: { kind: { enum: string[] } } }).properties.kind.enum;
    expect(kinds.sort()).toEqual(Object.keys(PULL_ITEM_SCHEMAS).sort());
    const remote = doc.components.schemas['CertificationRemoteBody'] as {
      properties: Record<string, { enum?: string[] }>;
      required: string[];
    };
    expect(Object.keys(remote.properties).sort()).toEqual(Object.keys(certificationRemoteBodySchema.shape).sort());
    expect(remote.required.sort()).toEqual(Object.keys(certificationRemoteBodySchema.shape).sort());
    expect(remote.properties['method']!.enum).toEqual([...REMOTE_CERTIFICATION_METHODS]);
  });

  it('describes the application.online body with the fields of its schema, the optional ones not required', () => {
    const body = doc.components.schemas['ApplicationOnlineBody'] as { properties: Record<string, { enum?: string[] }>; required: string[] };
    const shape = applicationOnlineBodySchema.shape;
    expect(Object.keys(body.properties).sort()).toEqual(Object.keys(shape).sort());
    expect(body.required.sort()).toEqual(
      Object.keys(shape)
        .filter((k) => !shape[k as keyof typeof shape].safeParse(undefined).success)
        .sort(),
    );
    expect(body.properties['source']!.enum).toEqual([...ONLINE_APPLICATION_SOURCES]);
  });

  it('describes the verification.report body with the fields of its schema, per member and per item, and the data types', () => {
    type Obj = { properties: Record<string, { enum?: string[]; items?: Obj }>; required: string[] };
    const body = doc.components.schemas['VerificationReportBody'] as Obj;
    const keys = (o: Obj) => Object.keys(o.properties).sort();
    expect(keys(body)).toEqual(Object.keys(verificationReportBodySchema.shape).sort());
    expect(body.required.sort()).toEqual(Object.keys(verificationReportBodySchema.shape).sort());
    const member = body.properties['members']!.items!;
    const memberShape = verificationReportBodySchema.shape.members.element.shape;
    expect(keys(member)).toEqual(Object.keys(memberShape).sort());
    const item = member.properties['items']!.items!;
    const itemShape = memberShape.items.element.shape;
    expect(keys(item)).toEqual(Object.keys(itemShape).sort());
    expect(item.required.sort()).toEqual(
      Object.keys(itemShape)
        .filter((k) => k !== 'detail')
        .sort(),
    );
    expect(item.properties['type']!.enum).toEqual([...VERIFICATION_DATA_TYPES]);
  });
});
