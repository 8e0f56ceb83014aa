import { sha256Hex } from '../../../common/capture/signatureBinding';
import { JiuzhuError, type CoreEvent } from '../../../common/contract/index';
import type { ApplicantView } from '../../../common/contract/methods/applicant';
import type { Capability, CoreDeps } from '../capability';
import { loadCaseResources, type CaseResources } from '../cases/resources';
import { CaseSettingsStore } from '../cases/settingsStore';
import { checklistWithPublished, policyNoticesWithPublished, standardsWithPublished } from '../cases/countyReference';
import { chinaDate } from '../../../common/cases/age';
import type { CallContext } from '../context';
import { idleView } from './idleView';
import { CODE_TTL_MS, newCode, newViewId, Pairings, type Pairing } from './pairings';
import { isLiveRating, type ApplicantScreenPort } from './screenPort';

type ApplicantMethods =
  | 'applicant.open'
  | 'applicant.pair'
  | 'applicant.current'
  | 'applicant.show'
  | 'applicant.sign'
  | 'applicant.manualFace'
  | 'applicant.outcome'
  | 'applicant.confirm'
  | 'applicant.report'
  | 'applicant.close';

export interface ApplicantCapabilityOptions {
  /** Deliver an event to one window only (events/hub.ts emitTo). */
  emitTo(windowId: string, event: CoreEvent): void;
  resourcesDir?: string;
}

/** How often pairings are checked against the clerk's session (logout, lock). */
const SWEEP_MS = 5_000;

/** The applicant screen (main/core/applicant/README.md). */
export function applicantCapability(
  deps: CoreDeps,
  options: ApplicantCapabilityOptions,
): Capability<ApplicantMethods> & { screen: ApplicantScreenPort } {
  const pairings = new Pairings();
  let resources: CaseResources | null = null;
  const now = () => deps.clock.now();

  const clerkOf = (ctx: CallContext) => {
    if (!ctx.session?.sessionId || !ctx.windowId) throw new JiuzhuError('UNAUTHENTICATED');
    return { window: ctx.windowId, sessionId: ctx.session.sessionId, userId: ctx.session.userId };
  };

  const buildIdle = async (): Promise<ApplicantView> => {
    const s = await deps.services();
    resources ??= loadCaseResources(options.resourcesDir);
    const info = s.station.stationInfo();
    const db = s.station.db;
    const today = chinaDate(now());
    const settings = new CaseSettingsStore(db).get();
    return idleView({
      viewId: newViewId(),
      stationName: info?.name ?? '',
      regionCode: info?.regionCode ?? '000000',
      today,
      standards: standardsWithPublished(db, settings.standards),
      checklist: checklistWithPublished(db, settings.materials ?? resources.materials, today),
      notices: policyNoticesWithPublished(db, settings.policyNotices, today),
    });
  };

  const showTo = (p: Pairing, view: ApplicantView | null, held = false) => {
    if (view) p.view = view;
    options.emitTo(p.applicantWindow, { event: 'applicant.view', payload: held ? { view, held } : { view } });
  };
  const reply = (p: Pairing, payload: Extract<CoreEvent, { event: 'applicant.reply' }>['payload']) =>
    options.emitTo(p.clerkWindow, { event: 'applicant.reply', payload });
  const audit = async (p: Pairing, action: string, details: Record<string, string> = {}) =>
    (await deps.services()).auth
      .audit()
      .append({ actor: p.clerkUserId, action, targetType: 'window', targetId: p.applicantWindow, details });

  const unpair = (p: Pairing) => {
    pairings.drop(p);
    showTo(p, null);
    reply(p, { kind: 'unpaired', at: now().toISOString() });
  };

  /**
   * The clerk's session as it stands: gone → unpair; locked → nothing personal on the screen, the
   * personal view held (the screen keeps the applicant's work hidden); unlocked again → that view back.
   */
  const check = async (p: Pairing): Promise<boolean> => {
    const session = (await deps.services()).auth.sessions.peek(p.sessionId);
    if (!session) {
      unpair(p);
      return false;
    }
    if (session.locked && p.view.kind !== 'idle') {
      p.held = p.view;
      showTo(p, { ...p.idle, viewId: newViewId() }, true);
    } else if (!session.locked && p.held) {
      const back = p.held;
      p.held = undefined;
      showTo(p, back);
    }
    return true;
  };
  const sweep = setInterval(() => void Promise.all(pairings.all().map(check)).catch(() => undefined), SWEEP_MS);
  sweep.unref?.();

  const pairedApplicant = async (ctx: CallContext): Promise<Pairing> => {
    const p = pairings.ofApplicant(ctx.windowId);
    if (!p || !(await check(p))) throw new JiuzhuError('APPLICANT_NOT_PAIRED');
    return p;
  };
  const currentView = (p: Pairing, viewId: string) => {
    if (p.view.viewId !== viewId) throw new JiuzhuError('APPLICANT_VIEW_STALE');
    return p.view;
  };

  return {
    handlers: {
      'applicant.open': async (_input, ctx) => {
        const clerk = clerkOf(ctx);
        const code = newCode();
        const expires = now().getTime() + CODE_TTL_MS;
        pairings.offer(code, { clerkWindow: clerk.window, sessionId: clerk.sessionId, clerkUserId: clerk.userId, expires });
        return { code, expiresAt: new Date(expires).toISOString() };
      },
      'applicant.pair': async (input, ctx) => {
        const window = ctx.windowId;
        if (!window) throw new JiuzhuError('APPLICANT_PAIRING_FAILED');
        const offer = pairings.take(input.code, now().getTime());
        if (!offer || offer.clerkWindow === window) throw new JiuzhuError('APPLICANT_PAIRING_FAILED');
        // A staff window (logged in) never becomes an applicant display, and the clerk must still be the one who asked.
        if (await deps.windows.peek(ctx)) throw new JiuzhuError('APPLICANT_PAIRING_FAILED');
        const clerkSession = await deps.windows.peek({ via: ctx.via, windowId: offer.clerkWindow });
        if (!clerkSession || clerkSession.id !== offer.sessionId) throw new JiuzhuError('APPLICANT_PAIRING_FAILED');
        for (const old of [pairings.ofClerk(offer.clerkWindow), pairings.ofApplicant(window)]) if (old) unpair(old);
        const idle = await buildIdle();
        const p: Pairing = {
          clerkWindow: offer.clerkWindow,
          sessionId: offer.sessionId,
          clerkUserId: offer.clerkUserId,
          applicantWindow: window,
          view: idle,
          idle,
        };
        pairings.bind(p);
        await audit(p, 'applicant.pair');
        reply(p, { kind: 'paired', at: now().toISOString() });
        return { view: p.view };
      },
      'applicant.current': async (_input, ctx) => {
        const p = await pairedApplicant(ctx);
        // A rating question that lapsed while the screen was away is not asked again.
        if (p.view.kind === 'rating' && !isLiveRating(p.view, now().getTime())) p.view = { ...p.idle, viewId: newViewId() };
        return { view: p.view };
      },
      'applicant.show': async (input, ctx) => {
        const clerk = clerkOf(ctx);
        const p = pairings.ofClerk(clerk.window);
        if (!p) return { paired: false, viewId: null };
        if (p.sessionId !== clerk.sessionId) {
          unpair(p);
          return { paired: false, viewId: null };
        }
        // The notices back between applicants: a rating question still standing stays until it lapses.
        if (input.view.kind === 'idle' && isLiveRating(p.view, now().getTime())) {
          p.idle = await buildIdle();
          return { paired: true, viewId: p.view.viewId };
        }
        const viewId = newViewId();
        p.held = undefined;
        if (input.view.kind === 'signing' && input.view.position > input.view.total) throw new JiuzhuError('APPLICANT_SIGNING_INVALID');
        if (input.view.kind === 'idle') {
          p.idle = await buildIdle();
          showTo(p, { ...p.idle, viewId });
        } else showTo(p, { ...input.view, viewId });
        return { paired: true, viewId };
      },
      'applicant.sign': async (input, ctx) => {
        const p = await pairedApplicant(ctx);
        const view = currentView(p, input.viewId);
        if (view.kind !== 'signing') throw new JiuzhuError('APPLICANT_VIEW_STALE');
        // What the screen showed is what was signed: the statement's hash and the signer's name, and the face where asked.
        // (intake.authorize checks the binding against the case again when the clerk's window saves it.)
        if (
          input.signature.documentHash !== (await sha256Hex(view.statement)) ||
          input.signature.signer?.trim() !== view.signer.name.trim()
        )
          throw new JiuzhuError('APPLICANT_SIGNATURE_UNBOUND');
        if (view.faceRequired && !input.face) throw new JiuzhuError('APPLICANT_FACE_MISSING');
        // A manual capture is the clerk's override: only with the reason the clerk gave for this view.
        if (input.face?.mode === 'manual' && (!view.manualFace || input.face.manualReason?.trim() !== view.manualFace.reason))
          throw new JiuzhuError('APPLICANT_FACE_MANUAL_UNASKED');
        await audit(p, 'applicant.sign', { view: input.viewId });
        reply(p, { kind: 'signed', viewId: input.viewId, at: now().toISOString(), signature: input.signature, face: input.face });
        return { received: true as const };
      },
      'applicant.manualFace': async (input, ctx) => {
        const clerk = clerkOf(ctx);
        const p = pairings.ofClerk(clerk.window);
        if (!p || p.sessionId !== clerk.sessionId) throw new JiuzhuError('APPLICANT_NOT_PAIRED');
        const view = p.view;
        if (view.viewId !== input.viewId || view.kind !== 'signing' || !view.faceRequired)
          throw new JiuzhuError('APPLICANT_FACE_NOT_ASKED');
        // The same view (same id, the applicant's work kept) with the clerk's reason: the screen takes the picture.
        const asked = { ...view, manualFace: { reason: input.reason, at: now().toISOString() } };
        showTo(p, asked);
        await audit(p, 'applicant.manual_face', { view: input.viewId });
        return { received: true as const };
      },
      'applicant.outcome': async (input, ctx) => {
        const clerk = clerkOf(ctx);
        const p = pairings.ofClerk(clerk.window);
        if (!p || p.sessionId !== clerk.sessionId) return { shown: false };
        const view = p.view;
        // Only the signing view still on the screen: a later view has already moved the signer on.
        if (view.viewId !== input.viewId || view.kind !== 'signing') return { shown: false };
        const outcome = {
          saved: input.saved,
          ...(input.message && !input.saved ? { message: input.message } : {}),
          at: now().toISOString(),
        };
        showTo(p, { ...view, outcome });
        await audit(p, 'applicant.outcome', { view: input.viewId, saved: input.saved ? 'yes' : 'no' });
        return { shown: true };
      },
      'applicant.confirm': async (input, ctx) => {
        const p = await pairedApplicant(ctx);
        const view = currentView(p, input.viewId);
        if (view.kind !== 'intake' || !view.askConfirm) throw new JiuzhuError('APPLICANT_VIEW_STALE');
        await audit(p, 'applicant.confirm', { view: input.viewId });
        reply(p, { kind: 'confirmed', viewId: input.viewId, at: now().toISOString() });
        return { received: true as const };
      },
      'applicant.report': async (input, ctx) => {
        const p = await pairedApplicant(ctx);
        if (currentView(p, input.viewId).kind === 'idle') throw new JiuzhuError('APPLICANT_VIEW_STALE');
        await audit(p, 'applicant.report', { view: input.viewId, part: input.part });
        reply(p, { kind: 'reported', viewId: input.viewId, at: now().toISOString(), part: input.part });
        return { received: true as const };
      },
      'applicant.close': async (_input, ctx) => {
        const p = pairings.ofClerk(clerkOf(ctx).window);
        if (p) unpair(p);
        return { closed: Boolean(p) };
      },
    },
    screen: {
      showFor: (clerk, view) => {
        const p = pairings.ofClerk(clerk.windowId);
        if (!p || p.sessionId !== clerk.sessionId) return null;
        const viewId = newViewId();
        showTo(p, { ...view, viewId } as ApplicantView);
        return viewId;
      },
      viewOf: async (ctx) => (await pairedApplicant(ctx)).view,
      backToIdle: async (ctx, viewId) => {
        const p = await pairedApplicant(ctx);
        if (p.view.viewId === viewId) showTo(p, { ...p.idle, viewId: newViewId() });
      },
    },
    close: async () => clearInterval(sweep),
  };
}
