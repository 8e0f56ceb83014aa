/** The documents the workstation prints, each with its data schema, keyed by the kind the CLI and API use. */
import { z } from 'zod';
import { acceptanceSchema } from './acceptance';
import { approvalSchema } from './approval';
import { authorizationSchema } from './authorization';
import { certificateSchema } from './certificate';
import { publicitySchema } from './publicity';
import { publicityListSchema } from './publicityList';
import { opinionNoticeSchema } from './opinionNotice';
import { refusalSchema } from './refusal';
import { rejectionSchema } from './rejection';
import { supplementSchema } from './supplement';
import { terminationSchema } from './termination';
import { phaseOutSchema } from './phaseOut';
import { reliefApprovalSchema } from './reliefApproval';
import { monitoringApprovalSchema } from './monitoringApproval';
import { visitFormSchema } from './visitForm';

export const DOCUMENT_SCHEMAS = {
  authorization: authorizationSchema,
  acceptance: acceptanceSchema,
  supplement: supplementSchema,
  rejection: rejectionSchema,
  'visit-form': visitFormSchema,
  publicity: publicitySchema,
  'publicity-list': publicityListSchema,
  'opinion-notice': opinionNoticeSchema,
  approval: approvalSchema,
  refusal: refusalSchema,
  certificate: certificateSchema,
  termination: terminationSchema,
  'phase-out': phaseOutSchema,
  'relief-approval': reliefApprovalSchema,
  'monitoring-approval': monitoringApprovalSchema,
} as const;

export type DocumentKind = keyof typeof DOCUMENT_SCHEMAS;
export const DOCUMENT_KINDS = Object.keys(DOCUMENT_SCHEMAS) as [DocumentKind, ...DocumentKind[]];
export const documentKindSchema = z.enum(DOCUMENT_KINDS);

export type DocumentInput<K extends DocumentKind> = z.input<(typeof DOCUMENT_SCHEMAS)[K]>;
export type DocumentData<K extends DocumentKind> = z.output<(typeof DOCUMENT_SCHEMAS)[K]>;

export * from './common';
export * from './certificatePayload';
export * from './acceptance';
export * from './approval';
export * from './authorization';
export * from './certificate';
export * from './publicity';
export * from './publicityList';
export * from './opinionNotice';
export * from './refusal';
export * from './rejection';
export * from './supplement';
export * from './termination';
export * from './phaseOut';
export * from './reliefApproval';
export * from './monitoringApproval';
export * from './visitForm';
