import { JiuzhuError } from '../../../../../common/contract/errors';
import { cardText } from './fields';
import { ucs2Field } from './ucs2';

/** The 30 03 answer: the latest appended address as UCS-2LE text (70 bytes on cards seen so far). */
export function parseAppendedAddress(data: Uint8Array): string | undefined {
  if (data.length % 2 !== 0 || data.length > 256) {
    throw new JiuzhuError('IDCARD_BAD_TEXT_BLOCK', { reason: `追加住址长度为 ${data.length} 字节` }, { bytes: data.length });
  }
  const text = ucs2Field(data, 0, data.length);
  return text.length === 0 ? undefined : cardText(text, '追加住址');
}
