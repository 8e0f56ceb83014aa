import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { RatingAskInput } from '../../../common/contract/methods/ratings';
import { call } from '../api/client';

/**
 * A service ended: ask the paired applicant screen for a 好差评 rating. Nothing waits for the answer;
 * without a paired screen nothing is asked; a failure is shown as a passing notice, never blocking the clerk.
 */
export function useAskRating(): (input: RatingAskInput) => void {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (input: RatingAskInput) =>
      void call('ratings.ask', input).catch((e: Error) => {
        void message.warning(t('ratings.askFailed', { message: e.message }));
      }),
    [message, t],
  );
}
