import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { JiuzhuError } from '../../common/contract/errors';
import { adminSchemas, type AdminApi } from '../admin';
import { bodyPace, type PlatformDeps } from '../context';
import { readJson } from '../http/body';
import { header, sendJson } from '../http/respond';
import { raw, type Params } from '../http/raw';

function checkAdmin(deps: PlatformDeps, req: IncomingMessage): void {
  const given = Buffer.from(header(req, 'authorization')?.replace(/^Bearer /, '') ?? '');
  const expected = Buffer.from(deps.adminToken);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new JiuzhuError('SYNC_ADMIN_FORBIDDEN');
}

async function input<T>(deps: PlatformDeps, req: IncomingMessage, res: ServerResponse, schema: z.ZodType<T>): Promise<T> {
  const parsed = schema.safeParse(await readJson(req, res, 1024 * 1024, { pace: bodyPace(deps, true) }));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new JiuzhuError('INVALID_INPUT', { path: issue?.path.join('.') ?? '', detail: issue?.message ?? '' });
  }
  return parsed.data;
}

/** /admin/* — for tests and demos, guarded by the admin token (Authorization: Bearer TOKEN). */
export function adminRoutes(app: FastifyInstance, deps: PlatformDeps, admin: AdminApi) {
  const post = <T>(path: string, schema: z.ZodType<T>, run: (body: T) => Promise<unknown>) =>
    app.post(
      path,
      raw(deps.log, async (req, res) => {
        checkAdmin(deps, req);
        sendJson(res, 201, await run(await input(deps, req, res, schema)));
      }),
    );
  const get = (path: string, run: (params: Params) => Promise<unknown>) =>
    app.get(
      path,
      raw(deps.log, async (req, res, params) => {
        checkAdmin(deps, req);
        sendJson(res, 200, await run(params));
      }),
    );
  post('/admin/enrolment-codes', adminSchemas.enrol, (b) => admin.createEnrolmentCode(b));
  post('/admin/decisions', adminSchemas.decide, (b) => admin.decide(b));
  post('/admin/change-decisions', adminSchemas.decideChange, (b) => admin.decideChange(b));
  post('/admin/warnings', adminSchemas.warn, (b) => admin.warn(b));
  post('/admin/remote-certifications', adminSchemas.certifyRemote, (b) => admin.certifyRemote(b));
  post('/admin/reference', adminSchemas.reference, (b) => admin.publishReference(b));
  post('/admin/policy', adminSchemas.policy, (b) => admin.setPolicy(b));
  app.post(
    '/admin/devices/:id(dev_[a-z2-7]{26})/revoke',
    raw(deps.log, async (req, res, { id }) => {
      checkAdmin(deps, req);
      if (!(await admin.revokeDevice(id!))) throw new JiuzhuError('NOT_FOUND');
      sendJson(res, 200, { deviceId: id, status: 'revoked' });
    }),
  );
  get('/admin/devices/pending', () => admin.pendingReplacements());
  app.post(
    '/admin/devices/:id(dev_[a-z2-7]{26})/confirm-replacement',
    raw(deps.log, async (req, res, { id }) => {
      checkAdmin(deps, req);
      const confirmed = await admin.confirmReplacement(id!);
      if (!confirmed) throw new JiuzhuError('NOT_FOUND');
      sendJson(res, 200, { deviceId: id, status: 'active', replacedDeviceId: confirmed.replacedDeviceId });
    }),
  );
  app.post(
    '/admin/feed/reset',
    raw(deps.log, async (req, res) => {
      checkAdmin(deps, req);
      await admin.resetFeed();
      sendJson(res, 200, { reset: true });
    }),
  );
  get('/admin/records', () => admin.records());
  get('/admin/blobs', () => admin.blobs());
  get('/admin/audit-flags', () => admin.auditFlags());
  get('/admin/devices/:id(dev_[a-z2-7]{26})/audit-anchors', ({ id }) => admin.auditAnchors(id!));
  // Fastify hands the id over decoded (and checks the pattern on the decoded id).
  get('/admin/cases/:id([^/]{1,64})', async ({ id }) => {
    const found = await admin.getCase(id!);
    if (!found) throw new JiuzhuError('NOT_FOUND');
    return found;
  });
}
