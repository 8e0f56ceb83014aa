import { typedInvoke, type ApiError, type MethodInput, type MethodName, type MethodOutput } from '../../../common/contract/index';
import { fieldIssueMessage, type FieldIssue } from '../../../common/i18n/fieldErrors';
import { translate } from '../../../common/i18n/translate';
import { getBridge } from './bridge';

/** The field issues of an INVALID_INPUT answer: each with its path and a zh-CN message written for the field. */
export function fieldIssues(error: ApiError): Array<FieldIssue & { text: string }> {
  if (error.code !== 'INVALID_INPUT') return [];
  const d = error.details ?? {};
  const listed = Array.isArray(d['issues']) ? (d['issues'] as FieldIssue[]) : typeof d['path'] === 'string' ? [{ path: d['path'] }] : [];
  return listed.filter((i) => typeof i?.path === 'string').map((i) => ({ ...i, text: fieldIssueMessage(i) }));
}

/** A typed error from core, carried to the UI with its zh-CN message (for bad input: the first field's, in words). */
export class ApiCallError extends Error {
  /** Bad input, field by field (empty for other errors): forms show each on its field. */
  readonly fields: Array<FieldIssue & { text: string }>;
  constructor(readonly error: ApiError) {
    const fields = fieldIssues(error);
    super(fields[0] && fields[0].code ? fields[0].text : error.message);
    this.name = 'ApiCallError';
    this.fields = fields;
  }
  get code() {
    return this.error.code;
  }
}

/** Call a contract method: typed input, typed output, or an ApiCallError a screen can show as is. */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  let envelope;
  try {
    const bridge = getBridge();
    envelope = await typedInvoke((m, i) => bridge.invoke(m, i))(method, input);
  } catch {
    throw new ApiCallError({ code: 'CORE_UNAVAILABLE', message: translate('errors.CORE_UNAVAILABLE') });
  }
  if (envelope.ok) return envelope.result;
  throw new ApiCallError(envelope.error);
}
