import type { MethodParsedInput } from '../../../common/contract/registry';

export type { CertificationRecord, CertificationSettings, DueRow } from '../../../common/contract/methods/certification';

/** Parsed inputs of the recording methods. */
export interface MethodInputs {
  record: MethodParsedInput<'certification.record'>;
  recordProxy: MethodParsedInput<'certification.recordProxy'>;
}
