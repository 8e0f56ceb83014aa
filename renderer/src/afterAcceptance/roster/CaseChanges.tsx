import { Alert, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AfterAcceptanceView } from '../../../../common/contract/methods/afterAcceptance/visits';
import { ChangeStatus } from './ChangeStatus';

/**
 * On the case page: the decisions from the platform this station could not apply (sent back with
 * the reason), and the proposals to change the benefit with where their decision stands.
 */
export function CaseChanges({ view }: { view: AfterAcceptanceView | undefined }) {
  const { t } = useTranslation();
  if (!view || (view.refusals.length === 0 && view.changes.length === 0)) return null;
  return (
    <Space direction="vertical" style={{ width: '100%', marginTop: 8 }} data-testid="case-changes">
      {view.refusals.map((r) => (
        <Alert
          key={r.decisionId}
          type="error"
          showIcon
          data-testid="decision-returned"
          data-code={r.code}
          data-sent={r.sent}
          message={t('decisionRefusals.onCase', { reason: r.message })}
          description={`${t(`decisionRefusals.kinds.${r.kind}`)} · ${t(`decisionRefusals.sent.${r.sent}`)} · ${new Date(r.receivedAt).toLocaleString('zh-CN')}`}
        />
      ))}
      {view.changes.map((c) => (
        <ChangeStatus key={c.id} change={c} />
      ))}
    </Space>
  );
}
