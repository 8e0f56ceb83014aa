import type { MethodOutput } from '../../../common/contract/index';
import { call } from '../api/client';

export type CardRead = MethodOutput<'idcard.read'>;

/** One read on the reader (the 读卡 button / F2). */
export const readCard = () => call('idcard.read', { timeoutSeconds: 10 });

export function useF2(handler: () => void) {
  return (e: KeyboardEvent) => {
    if (e.key === 'F2') {
      e.preventDefault();
      handler();
    }
  };
}
