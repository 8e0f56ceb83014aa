import { checkIdNumber } from '../../common/idnumber/check';
import { MONITORING_RECORD_KIND, monitoringBodySchema, RELIEF_PAYMENT_RECORD_KIND, reliefPaymentBodySchema } from '../../common/sync/relief';
import type { OutboxRecord } from '../../common/sync/push';

/**
 * The records of assistance that is not monthly (docs/sync-protocol.md §5.8): a 临时救助 payment
 * (`relief.payment`: 先行救助 or a decision's grant) and 低收入人口 monitoring (`monitoring.entry`).
 * Pure: the answer depends only on the record and today's date.
 */
export function reliefRecordProblem(record: Pick<OutboxRecord, 'kind' | 'caseId' | 'body'>, today: string): string | null {
  const schema = record.kind === RELIEF_PAYMENT_RECORD_KIND ? reliefPaymentBodySchema : record.kind === MONITORING_RECORD_KIND ? monitoringBodySchema : null;
  if (!schema) return null;
  const parsed = schema.safeParse(record.body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`;
  }
  if (parsed.data.caseId !== record.caseId) return 'body.caseId 与记录的 caseId 不一致';
  if ('idNumbers' in parsed.data) {
    const bad = parsed.data.idNumbers.findIndex((n) => !checkIdNumber(n, { today }).valid);
    if (bad >= 0) return `idNumbers.${bad}: 身份证号码无效`;
  }
  if ('paidOn' in parsed.data && parsed.data.paidOn && parsed.data.paidOn > today) return 'paidOn: 发放日期晚于今天';
  return null;
}
