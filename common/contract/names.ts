/**
 * The names of every method and event, without their schemas, so the preload can refuse anything
 * else while staying free of zod. registry.ts and events.ts are checked against these lists at
 * compile time (a name missing from either side is a type error).
 */
/** One line per capability; the registry is checked against this list both ways. */
const APP = ['app.info', 'idNumber.check'] as const;
const SESSION = [
  'setup.status',
  'setup.init',
  'session.login',
  'session.current',
  'session.touch',
  'session.lock',
  'session.unlock',
  'session.logout',
  'session.changePassword',
] as const;
const ACCOUNTS = ['accounts.list', 'accounts.create', 'accounts.setRoles', 'accounts.disable', 'accounts.resetPassword'] as const;
const AUDIT = ['audit.query', 'audit.verify'] as const;
const BACKUP = ['backup.create', 'backup.restore', 'setup.restore', 'store.check', 'store.health'] as const;
const IDCARD = ['idcard.status', 'idcard.ports', 'idcard.configure', 'idcard.libraries', 'idcard.read', 'idcard.watch'] as const;
const SYNC = [
  'sync.status',
  'sync.now',
  'sync.cancel',
  'sync.register',
  'sync.settings',
  'sync.quarantine',
  'sync.resolve',
  'sync.confirmHardware',
] as const;
const SYNC_STATION = ['sync.caseBlobs', 'sync.fetchBlob', 'sync.counter', 'sync.setCounter'] as const;
const CASES = [
  'intake.save',
  'intake.drafts',
  'intake.discard',
  'intake.addMaterial',
  'intake.authorize',
  'intake.authorizationForm',
  'intake.authorizePaper',
  'intake.submit',
  'cases.decide',
  'cases.act',
  'cases.extendDecision',
  'cases.get',
  'cases.search',
  'cases.deadlines',
  'cases.lookup',
  'cases.attachment',
  'cases.settings',
  'cases.setSettings',
  'cases.adminList',
  'cases.adminShow',
  'cases.platformStatus',
  'cases.platformStatuses',
  'demo.seed',
] as const;
const DOCUMENTS = [
  'documents.preview',
  'documents.issue',
  'documents.list',
  'documents.get',
  'documents.reprint',
  'certificate.verify',
  'certificate.draft',
  'certificate.issue',
  'certificate.scan',
  'print.printers',
  'print.settings',
  'print.configure',
  'print.submit',
  'printQueue.list',
  'printQueue.add',
  'printQueue.issue',
  'printQueue.markPrinted',
  'printBatch.start',
  'printBatch.list',
  'printBatch.next',
  'printBatch.ack',
  'printBatch.pause',
  'printBatch.resume',
  'printBatch.cancel',
] as const;

const APPLICANT = [
  'applicant.open',
  'applicant.pair',
  'applicant.current',
  'applicant.show',
  'applicant.sign',
  'applicant.manualFace',
  'applicant.outcome',
  'applicant.confirm',
  'applicant.report',
  'applicant.close',
] as const;
const AFTER_ACCEPTANCE = [
  'visits.record',
  'visits.ofCase',
  'visits.evidence',
  'publicity.opinion',
  'publicity.object',
  'publicity.resolve',
  'publicity.end',
  'publicity.lists',
  'publicity.queueLists',
  'decisions.local',
  'decisions.retry',
  'roster.list',
  'roster.settings',
  'roster.setSettings',
  'warnings.list',
  'warnings.assign',
  'warnings.verify',
  'warnings.close',
] as const;
const STATS = ['stats.overview', 'stats.export'] as const;
const CERTIFICATION = [
  'certification.settings',
  'certification.setSettings',
  'certification.due',
  'certification.person',
  'certification.record',
  'certification.recordProxy',
  'certification.remoteKept',
  'certification.retryKept',
] as const;
const REVIEWS = ['reviews.get', 'reviews.start', 'reviews.recheck', 'reviews.authorize', 'reviews.conclude'] as const;
const CHANGES = ['changes.list', 'changes.decide', 'decisions.refusals'] as const;
const RELIEF = ['relief.ofCase', 'relief.advance', 'monitoring.enter', 'monitoring.exit', 'monitoring.list'] as const;
const RATINGS = ['ratings.ask', 'ratings.submit', 'ratings.dismiss', 'ratings.flagged', 'ratings.followUp'] as const;
const DIAGNOSTICS = ['diagnostics.export', 'diagnostics.report'] as const;
const UPDATES = ['update.status', 'update.setSource', 'update.check', 'update.download', 'update.install'] as const;
const ROSTER_IMPORT = [
  'rosterImport.preview',
  'rosterImport.confirm',
  'rosterImport.reports',
  'rosterImport.report',
  'rosterImport.recipientConflicts',
  'rosterImport.refused',
  'rosterImport.adoptPlatform',
] as const;
const ONLINE_APPLICATIONS = ['onlineApplications.list', 'onlineApplications.get', 'onlineApplications.startIntake'] as const;
const VERIFICATION = ['verification.kept'] as const;

export const METHOD_NAMES = [
  ...APP,
  ...SESSION,
  ...ACCOUNTS,
  ...AUDIT,
  ...BACKUP,
  ...IDCARD,
  ...CASES,
  ...DOCUMENTS,
  ...SYNC,
  ...SYNC_STATION,
  ...APPLICANT,
  ...AFTER_ACCEPTANCE,
  ...REVIEWS,
  ...CHANGES,
  ...RELIEF,
  ...STATS,
  ...CERTIFICATION,
  ...RATINGS,
  ...DIAGNOSTICS,
  ...ROSTER_IMPORT,
  ...ONLINE_APPLICATIONS,
  ...VERIFICATION,
  ...UPDATES,
] as const;
export type MethodName = (typeof METHOD_NAMES)[number];

export const EVENT_NAMES = [
  'core.ready',
  'task.progress',
  'idcard.status',
  'idcard.card',
  'sync.changed',
  'applicant.view',
  'applicant.reply',
  'store.damaged',
] as const;
export type EventName = (typeof EVENT_NAMES)[number];

export const isMethodName = (name: unknown): name is MethodName =>
  typeof name === 'string' && (METHOD_NAMES as readonly string[]).includes(name);
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && (EVENT_NAMES as readonly string[]).includes(name);
