import { JiuzhuError } from '../../../common/contract/errors';
import { CASE_STEP_PERMISSION } from '../../../common/contract/methods/cases';
import { rolesGrant } from '../../../common/contract/permissions';
import { permissionLabel } from '../../../common/i18n/labels';
import { NEXT_STEP_KEY } from '../../../common/cases/nextStep';
import type { Capability, CoreDeps } from '../capability';
import type { SessionCallContext } from '../context';
import type { CaseService } from './caseService';
import { stationCaseService } from './stationCaseService';
import { loadCaseResources, type CaseResources } from './resources';
import { seedDemoCases } from './demo/seed';
import { maskedForSupport } from './supportMask';
import { registerCasePullHandler } from './pullHandler';
import { registerVerificationPullHandler } from './verification/pullHandler';
import { registerCalendarPullHandler } from './calendar/pullHandler';
import { registerReferencePullHandlers } from './reference/pullHandler';
import { registerPolicyPullHandler } from './countyPolicy/pullHandler';
import { perStore } from '../kernel/station/perStore';

type CaseMethods =
  | 'intake.save'
  | 'intake.drafts'
  | 'intake.discard'
  | 'intake.addMaterial'
  | 'intake.authorize'
  | 'intake.authorizationForm'
  | 'intake.authorizePaper'
  | 'intake.submit'
  | 'cases.decide'
  | 'cases.act'
  | 'cases.extendDecision'
  | 'cases.get'
  | 'cases.search'
  | 'cases.deadlines'
  | 'cases.lookup'
  | 'cases.attachment'
  | 'cases.settings'
  | 'cases.setSettings'
  | 'cases.adminList'
  | 'cases.adminShow'
  | 'demo.seed';

export interface CasesCapabilityOptions {
  /** The resources folder (tests, packaged app); found relative to the code otherwise. */
  resourcesDir?: string;
}

/** The counter intake and the case work (main/core/cases/README.md). */
export function casesCapability(deps: CoreDeps, options: CasesCapabilityOptions = {}): Capability<CaseMethods> {
  let resources: CaseResources | null = null;
  const store = perStore(deps, 'case', (s, db) => {
    resources ??= loadCaseResources(options.resourcesDir);
    const svc = stationCaseService(s, db, deps.clock, resources);
    return { svc, views: svc.views };
  });
  const open = store.open;
  const unregisterPull = registerCasePullHandler(deps.pullHandlers, (db) => store.forDb(db).svc);
  const unregisterVerification = registerVerificationPullHandler(deps.pullHandlers, (db) => store.forDb(db).svc);
  const unregisterCalendar = registerCalendarPullHandler(deps.pullHandlers, (db) => store.forDb(db).svc);
  const unregisterReference = registerReferencePullHandlers(deps.pullHandlers, (db) => store.forDb(db).svc);
  const unregisterPolicy = registerPolicyPullHandler(deps.pullHandlers, (db) => store.forDb(db).svc);
  const actor = (ctx: SessionCallContext) => ctx.session.userId;
  /** Reads of personal data are audited (who looked at which case). */
  const viewed = (
    svc: CaseService,
    who: string,
    action: string,
    caseId: string | null,
    details: Record<string, string | number | boolean> = {},
  ) => svc.auditRead({ actor: who, action, targetType: 'case', targetId: caseId, details });

  return {
    handlers: {
      'intake.save': async (input, ctx) => (await open()).svc.intake.saveDraft(actor(ctx), input),
      'intake.drafts': async (_input, ctx) =>
        (await open()).svc.intake.drafts(actor(ctx)).map(({ row, app }) => ({
          caseId: row.id,
          rev: row.draft_rev,
          applicantName: row.applicant_name,
          type: app.type ?? null,
          step: app.step,
          updatedAt: row.updated_at,
        })),
      'intake.discard': async (input, ctx) => ({ state: (await open()).svc.intake.discard(actor(ctx), input.caseId, input.rev) }),
      'intake.addMaterial': async (input, ctx) =>
        (await open()).svc.intake.addMaterial(actor(ctx), input.caseId, input.code, input.capture),
      'intake.authorize': async (input, ctx) => {
        const { svc, views } = await open();
        const a = svc.intake.authorize(actor(ctx), input.caseId, input.signerIdNumber, input.signature, input.face, input.cardPhoto);
        return views.detail(input.caseId).authorizations.find((x) => x.id === a.id)!;
      },
      'intake.authorizationForm': async (input, ctx) =>
        (await open()).svc.intake.authorizationForm(actor(ctx), input.caseId, input.signerIdNumber),
      'intake.authorizePaper': async (input, ctx) => {
        const { svc, views } = await open();
        const a = svc.intake.authorizePaper(actor(ctx), input);
        return views.detail(input.caseId).authorizations.find((x) => x.id === a.id)!;
      },
      'intake.submit': async (input, ctx) => {
        const { svc, views } = await open();
        svc.intake.submit(actor(ctx), input.caseId, input.rev);
        return views.detail(input.caseId);
      },
      'cases.decide': async (input, ctx) => {
        const { svc, views } = await open();
        svc.legalPath.decide(actor(ctx), input.caseId, input.version, input.decision);
        return views.detail(input.caseId);
      },
      'cases.act': async (input, ctx) => {
        // The method needs case.write; starting the investigation is the caseworker's as well.
        const need = CASE_STEP_PERMISSION[input.action];
        if (!rolesGrant(ctx.session?.roles ?? [], need))
          throw new JiuzhuError('FORBIDDEN', { permission: permissionLabel(need) }, { permission: need });
        const { svc, views } = await open();
        svc.legalPath.act(actor(ctx), input.caseId, input.version, input.action, input.note ?? null);
        return views.detail(input.caseId);
      },
      'cases.extendDecision': async (input, ctx) => {
        const { svc, views } = await open();
        svc.legalPath.extendDecision(actor(ctx), input.caseId, input.version, input.reason);
        return views.detail(input.caseId);
      },
      'cases.get': async (input, ctx) => {
        const { svc, views } = await open();
        const detail = views.detail(input.caseId);
        viewed(svc, actor(ctx), 'cases.view', input.caseId, detail.verification ? { verification: detail.verification.reportId } : {});
        return detail;
      },
      'cases.search': async (input, ctx) => {
        const { svc, views } = await open();
        const today = svc.today();
        const settings = svc.county.settings();
        const deadline =
          input.deadline === 'overdue'
            ? { before: today }
            : input.deadline === 'due_soon'
              ? { from: today, until: svc.county.withCalendar((c) => c.addWorkingDays(today, settings.dueSoonWorkingDays)) }
              : undefined;
        const found = svc.reads.search({ ...input, deadline });
        viewed(svc, actor(ctx), 'cases.search', null, { kind: found.kind, results: found.rows.length });
        return {
          rows: views
            .summaries(found.rows, today, settings.dueSoonWorkingDays)
            .map((s) => ({ ...s, matched: found.matched.get(s.id) ?? null })),
          total: found.total,
          queryKind: found.kind,
        };
      },
      'cases.deadlines': async (input) => (await open()).views.deadlineLists(input.limit),
      'cases.lookup': async (input, ctx) => {
        const { svc, views } = await open();
        const out = svc.reads.casesOfPerson(input.idNumber).map(({ row, role, lastEventAt }) => ({
          ...views.summary(row),
          role,
          nextStepKey: NEXT_STEP_KEY[row.state],
          lastEventAt,
        }));
        out.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
        viewed(svc, actor(ctx), 'cases.lookup', null, { results: out.length });
        return out;
      },
      'cases.attachment': async (input, ctx) => {
        const { svc } = await open();
        const found = svc.reads.attachment(input.caseId, input.attachmentId);
        if (!found) throw new JiuzhuError('NOT_FOUND');
        viewed(svc, actor(ctx), 'cases.attachment', input.caseId, { attachment: input.attachmentId });
        return { mime: found.mime, base64: found.bytes.toString('base64') };
      },
      'cases.settings': async () => {
        const { svc } = await open();
        const settings = svc.county.localSettings();
        return {
          settings,
          inForce: svc.county.settings(),
          policy: svc.county.policyInfo(),
          standards: svc.county.standards(settings),
          today: svc.today(),
          stationName: svc.station.name,
          regionCode: svc.station.regionCode,
          materials: svc.county.checklist(settings),
          calendar: svc.county.calendarInfo(),
          reference: svc.county.referenceInfo(),
          policyNotices: svc.county.policyNotices(settings),
        };
      },
      'cases.setSettings': async (input, ctx) => ({ settings: (await open()).svc.county.setSettings(actor(ctx), input.settings) }),
      'cases.adminList': async (input, ctx) => {
        const { svc, views } = await open();
        const found = svc.reads.search({
          query: '',
          states: input.state ? [input.state] : [],
          types: [],
          limit: input.limit,
          offset: 0,
        });
        viewed(svc, actor(ctx), 'cases.admin_list', null, { results: found.rows.length });
        // IT support sees who a case is about only as far as needed to find it: 王** / 500110********1234.
        return found.rows.map((r) => maskedForSupport(views.summary(r)));
      },
      'cases.adminShow': async (input, ctx) => {
        const { svc, views } = await open();
        const row = svc.reads.byRef(input.caseRef);
        if (!row) throw new JiuzhuError('CASE_NOT_FOUND');
        const detail = views.detail(row.id);
        viewed(svc, actor(ctx), 'cases.admin_show', row.id);
        return detail;
      },
      'demo.seed': async (input, ctx) => {
        const { svc } = await open();
        const who = actor(ctx);
        // In chunks, yielding between them, so progress events reach the caller (CLI stderr) as it goes.
        const CHUNK = 1000;
        let created = 0;
        for (let k = 0; created < input.count; k++) {
          const n = Math.min(CHUNK, input.count - created);
          created += seedDemoCases(svc, who, n, input.seed * 10_007 + k).created;
          deps.emit({ event: 'task.progress', payload: { task: 'demo.seed', phase: 'cases', fraction: created / input.count } });
          await new Promise((r) => setImmediate(r));
        }
        svc.auditRead({ actor: who, action: 'demo.seed', details: { count: created, seed: input.seed } });
        return { created, total: svc.reads.count() };
      },
    },
    async close() {
      await store.ready;
      unregisterPull();
      unregisterVerification();
      unregisterCalendar();
      unregisterReference();
      unregisterPolicy();
    },
  };
}
