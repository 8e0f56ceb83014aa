import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { JiuzhuError } from '../common/contract/errors';
import { countyPolicyProblem } from '../common/cases/countyPolicy';
import { WARNING_TYPES } from '../common/sync/pull';
import { suiteIdSchema, type SuiteId } from '../common/sync/primitives';
import { keyFingerprint } from '../sync-protocol/keys';
import { platformKeysFor } from '../sync-protocol/parties';
import { suiteById } from '../sync-protocol/suites';
import type { PlatformDeps } from './context';
import { newEpoch } from './feed/epoch';
import { appendChangeDecision, changeDecisionInputSchema } from './feed/changeDecision';
import { addRemoteCertification, remoteCertificationInputSchema } from './feed/certificationRemote';
import { fileOnlineApplication, type OnlineApplicationInput } from './feed/applicationOnline';
import { postVerificationReport } from './feed/verificationReport';
import { listedRecord } from './apply/decisionRecords';
import type { RecipientBody, RecipientRow } from './apply/rosterImported';
import { loadRoster, type RosterLoadInput, type RosterLoadResult } from './feed/rosterRecipient';
import { sweepExpired, type SweepReport } from './guard/sweeper';
import type {
  AuditAnchorRow,
  AuditFlagRow,
  BlobRow,
  CaseRow,
  OnlineApplicationRow,
  RecordRow,
  RemoteCertificationRow,
  VerificationReportRow,
} from './store/types';

/** Inputs of the admin operations; the HTTP admin endpoints validate their bodies with these. */
export const adminSchemas = {
  enrol: z.object({
    stationId: z.string().min(1).max(64),
    regionCode: z.string().regex(/^\d{6,12}$/),
    ttlHours: z
      .number()
      .positive()
      .max(24 * 30)
      .optional(),
    /** Print the slip for this offered suite instead of the preferred one. */
    suite: suiteIdSchema.optional(),
  }),
  decide: z.object({
    caseId: z.string().min(1).max(64),
    outcome: z.enum(['approved', 'refused']),
    amountFen: z.number().int().nonnegative().optional(),
    startMonth: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
      .optional(),
    reasons: z.array(z.string().max(500)).optional(),
    /** Defaults to the station that holds the case. */
    stationId: z.string().optional(),
  }),
  warn: z.object({
    idNumber: z.string().min(15).max(18),
    type: z.enum(WARNING_TYPES),
    detail: z.string().max(500).optional(),
    stationId: z.string().optional(),
    regionCode: z
      .string()
      .regex(/^\d{2,12}$/)
      .optional(),
  }),
  reference: z.object({
    table: z.string().min(1).max(64),
    version: z.number().int().nonnegative(),
    data: z.unknown(),
    regionCode: z.string().optional(),
    /** Who published it (the county office, e.g. 綦江区民政局): carried in the item, shown at the workstation. */
    publishedBy: z.string().trim().min(1).max(64).optional(),
  }),
  policy: z.object({
    key: z.string().min(1).max(128),
    value: z.unknown(),
    effectiveFrom: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    regionCode: z.string().optional(),
    publishedBy: z.string().trim().min(1).max(64).optional(),
  }),
  decideChange: changeDecisionInputSchema,
  certifyRemote: remoteCertificationInputSchema,
};

type In<K extends keyof typeof adminSchemas> = z.infer<(typeof adminSchemas)[K]>;

export interface EnrolmentSlip {
  code: string;
  /** The platform key fingerprint the workstation pins: print it on the slip with the code. */
  fingerprint: string;
  /** The crypto suite of those keys (the deployment's preferred one, unless asked for another it offers). */
  suite: SuiteId;
  stationId: string;
  regionCode: string;
  expiresAt: number;
}

/** What tests, the CLI and the admin HTTP endpoints can do to the platform. */
export interface AdminApi {
  createEnrolmentCode(input: In<'enrol'>): Promise<EnrolmentSlip>;
  decide(input: In<'decide'>): Promise<{ id: string; feedSeq: number }>;
  /** The county's decision on a station's proposal to adjust, phase out or stop a benefit (a `change-decision` item). */
  decideChange(input: In<'decideChange'>): Promise<{ id: string; feedSeq: number }>;
  warn(input: In<'warn'>): Promise<{ id: string; feedSeq: number }>;
  /** A 资格认证 the person made on the phone (or by video, …): kept, and a `certification.remote` item for the station. */
  certifyRemote(input: In<'certifyRemote'>): Promise<{ id: string; feedSeq: number }>;
  /** The station's remote certifications, oldest first. */
  remoteCertifications(stationId: string): Promise<RemoteCertificationRow[]>;
  /** A current recipient of the platform's own for a station, fed as a `roster.recipient` item; undefined when another station's or already matched (apply/rosterImported.ts). */
  putRecipient(input: { idNumber: string; stationId: string; body: RecipientBody }): Promise<number | undefined>;
  /** A county's current recipients of a station (CLI roster-load): each kept and fed as a `roster.recipient` item, or refused with the reason. */
  loadRoster(input: RosterLoadInput): Promise<RosterLoadResult>;
  /** The recipient household whose head has this ID number, with the station case it is matched to. */
  recipient(idNumber: string): Promise<RecipientRow | undefined>;
  /** An application made online (mini-program, 网格员): kept with its papers, and an `application.online` item for the station. */
  fileApplication(input: OnlineApplicationInput): Promise<{ id: string; feedSeq: number }>;
  /** The station's online applications, oldest first. */
  onlineApplications(stationId: string): Promise<OnlineApplicationRow[]>;
  publishReference(input: In<'reference'>): Promise<{ feedSeq: number }>;
  /** One of the county's parameters (common/cases/countyPolicy.ts); an unknown key or a value its field refuses is INVALID_INPUT naming the field, and nothing is fed. */
  setPolicy(input: In<'policy'>): Promise<{ feedSeq: number }>;
  /** A household economic verification report (核对报告) for a case whose authorizations the platform holds: kept, and a `verification.report` item for its station. */
  postVerification(caseRef: string, report: unknown): Promise<{ id: string; caseId: string; feedSeq: number }>;
  /** The case's 核对 reports, oldest first. */
  verificationReports(caseId: string): Promise<VerificationReportRow[]>;
  revokeDevice(deviceId: string): Promise<boolean>;
  /** Registrations waiting for an admin to confirm that they replace an earlier device of their station and machine. */
  pendingReplacements(): Promise<PendingReplacement[]>;
  /** Confirm one: the earlier device is revoked, this one may sync. Undefined when it is not pending. */
  confirmReplacement(deviceId: string): Promise<{ replacedDeviceId: string } | undefined>;
  /** Delete expired uploads (with their partial files) and sessions now (the platform also does it every `sweepIntervalMs`). */
  sweep(): Promise<SweepReport>;
  /** Rebuild the feed: every earlier cursor now gets mustRefetch. */
  resetFeed(): Promise<void>;
  /** Records held; the body only of `change.proposal` and `decision.refusal` records (what was proposed, which decision was refused and why). */
  records(): Promise<RecordRow[]>;
  blobs(): Promise<BlobRow[]>;
  getCase(caseId: string): Promise<CaseRow | undefined>;
  /** Audit-anchor flags of every device, newest first (docs/sync-protocol.md §5.4). */
  auditFlags(): Promise<AuditFlagRow[]>;
  /** The audit heads anchored for one device, in bundle order: what an inspector checks the workstation's chain against. */
  auditAnchors(deviceId: string): Promise<AuditAnchorRow[]>;
}

/** A pending registration as the admin sees it: the new device, and the one it would replace. */
export interface PendingReplacement {
  deviceId: string;
  stationId: string;
  name: string;
  counterNo: number | null;
  registeredAt: number;
  replaces: { deviceId: string; name: string; registeredAt: number; counterNo: number | null } | null;
}

const ENROLMENT_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** Enrolment codes are read aloud and typed: 12 characters without 0/O/1/I/L, in groups of four. */
function enrolmentCode(): string {
  const chars = Array.from({ length: 12 }, () => ENROLMENT_ALPHABET[randomInt(ENROLMENT_ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
}

let itemCounter = 0;
const itemId = (prefix: string, now: number) => `${prefix}-${now.toString(36)}-${(itemCounter++).toString(36)}`;

export function createAdminApi(deps: PlatformDeps): AdminApi {
  const { store } = deps;
  return {
    async createEnrolmentCode(input) {
      // A suite the platform does not offer gets no code (SYNC_SUITE_NOT_OFFERED) rather than a slip no device can use.
      const suite = input.suite ?? deps.identity.suites[0]!;
      const { signing, encryption } = platformKeysFor(deps.codec, suite);
      const fingerprint = keyFingerprint(signing.publicKey, encryption.publicKey, suiteById(suite));
      const now = deps.now();
      const code = enrolmentCode();
      const expiresAt = now + (input.ttlHours ?? 72) * 3600_000;
      await store.createEnrolmentCode({ code, stationId: input.stationId, regionCode: input.regionCode, now, expiresAt });
      return { code, fingerprint, suite, stationId: input.stationId, regionCode: input.regionCode, expiresAt };
    },
    async decide(input) {
      if (input.outcome === 'approved' && (input.amountFen === undefined || !input.startMonth))
        throw new JiuzhuError('INVALID_INPUT', { path: 'amountFen/startMonth', detail: 'an approval needs an amount and a start month' });
      if (input.outcome === 'refused' && !input.reasons?.length)
        throw new JiuzhuError('INVALID_INPUT', { path: 'reasons', detail: 'a refusal needs at least one reason' });
      const stationId = input.stationId ?? (await store.getCase(input.caseId))?.stationId;
      if (!stationId) throw new JiuzhuError('INVALID_INPUT', { path: 'caseId', detail: 'unknown case; give stationId' });
      const now = deps.now();
      const id = itemId('dec', now);
      const { stationId: _omit, ...decision } = input;
      // The decision item, then the case's `decided` status (when the platform holds the case), in one transaction.
      const [feedSeq] = await store.noteCaseStatus(input.caseId, { kind: 'decision', outcome: input.outcome }, now, {
        kind: 'decision',
        stationId,
        body: { id, ...decision },
      });
      return { id, feedSeq: feedSeq! };
    },
    async decideChange(input) {
      const now = deps.now();
      return appendChangeDecision(store, itemId('chg', now), input, now);
    },
    async warn(input) {
      const now = deps.now();
      const id = itemId('warn', now);
      const { stationId, regionCode, ...warning } = input;
      const feedSeq = await store.appendFeed({
        kind: 'warning',
        stationId: stationId ?? null,
        regionCode: regionCode ?? null,
        body: { id, ...warning },
        at: now,
      });
      return { id, feedSeq };
    },
    async certifyRemote(input) {
      const now = deps.now();
      return addRemoteCertification(store, itemId('rc', now), input, now);
    },
    remoteCertifications: (stationId) => store.listRemoteCertifications(stationId),
    async postVerification(caseRef, report) {
      const now = deps.now();
      return postVerificationReport(store, itemId('vr', now), caseRef, report, now);
    },
    verificationReports: (caseId) => store.listVerificationReports(caseId),
    async fileApplication(input) {
      const now = deps.now();
      return fileOnlineApplication(store, deps.dataDir, itemId('oa', now), input, now);
    },
    onlineApplications: (stationId) => store.listOnlineApplications(stationId),
    putRecipient: (input) => store.putRecipient(input, deps.now()),
    recipient: (idNumber) => store.getRecipient(idNumber),
    loadRoster: (input) => loadRoster(store, input, deps.now()),
    async publishReference(input) {
      const { regionCode, ...item } = input;
      return {
        feedSeq: await store.appendFeed({ kind: 'reference', stationId: null, regionCode: regionCode ?? null, body: item, at: deps.now() }),
      };
    },
    async setPolicy(input) {
      // Only the county's parameters the workstations apply, each value read with its field's schema (§7.7).
      const bad = countyPolicyProblem(input.key, input.value, input.effectiveFrom);
      if (bad) throw new JiuzhuError('INVALID_INPUT', { path: bad.field, detail: bad.message }, { path: bad.field });
      const { regionCode, ...item } = input;
      return {
        feedSeq: await store.appendFeed({ kind: 'policy', stationId: null, regionCode: regionCode ?? null, body: item, at: deps.now() }),
      };
    },
    revokeDevice: (deviceId) => store.revokeDevice(deviceId, deps.now()),
    async pendingReplacements() {
      const pending = await store.listPendingDevices();
      return Promise.all(
        pending.map(async (d) => {
          const old = d.replaces ? await store.getDevice(d.replaces) : undefined;
          return {
            deviceId: d.deviceId,
            stationId: d.stationId,
            name: d.name,
            counterNo: d.counterNo,
            registeredAt: d.registeredAt,
            replaces: old ? { deviceId: old.deviceId, name: old.name, registeredAt: old.registeredAt, counterNo: old.counterNo } : null,
          };
        }),
      );
    },
    async confirmReplacement(deviceId) {
      const done = await store.confirmReplacement(deviceId, deps.now());
      if (done) deps.log(`admin confirmed ${deviceId}: replaces ${done.replacedDeviceId} (revoked)`);
      return done;
    },
    sweep: () => sweepExpired(deps),
    async resetFeed() {
      await newEpoch(store);
    },
    records: async () => (await store.listRecords()).map(listedRecord),
    blobs: () => store.listBlobs(),
    getCase: (caseId) => store.getCase(caseId),
    auditFlags: () => store.listAuditFlags(),
    auditAnchors: (deviceId) => store.listAuditAnchors(deviceId),
  };
}
