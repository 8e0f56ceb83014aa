import type { ApiError, MethodInput, MethodName, MethodOutput } from '../../../common/contract/index';
import { translate } from '../../../common/i18n/translate';
import { getBridge } from './bridge';

/** A typed error from core, carried to the UI with its zh-CN message. */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
  }
  get code() {
    return this.error.code;
  }
}

/** Call a contract method: typed input, typed output, or an ApiCallError a screen can show as is. */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  let envelope;
  try {
    envelope = await getBridge().invoke(method, input);
  } catch {
    throw new ApiCallError({ code: 'CORE_UNAVAILABLE', message: translate('errors.CORE_UNAVAILABLE') });
  }
  if (envelope.ok) return envelope.result as MethodOutput<M>;
  throw new ApiCallError(envelope.error);
}
