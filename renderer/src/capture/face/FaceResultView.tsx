import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FaceCapture } from '../../../../common/capture/schemas';

const COLOURS = { pass: 'success', review: 'warning', fail: 'error', notApplicable: 'default' } as const;

/** The capture's verdict, shown to the clerk with its scores and thresholds: never silent. */
export function FaceResultView({ result }: { result: FaceCapture }) {
  const { t } = useTranslation();
  const verdictText = (v: keyof typeof COLOURS) =>
    v === 'notApplicable' ? t('capture.face.notApplicable') : t(`capture.face.verdict.${v}`);
  const fmt = (n: number | null) => (n === null ? '—' : n.toFixed(2));
  return (
    <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start', flexWrap: 'wrap' }}>
      <img
        data-testid="face-photo"
        src={`data:${result.image.mime};base64,${result.image.base64}`}
        alt={t('capture.face.captured')}
        style={{ width: 240, borderRadius: 8 }}
      />
      <Descriptions column={1} size="small" bordered style={{ minWidth: 320 }} title={t('capture.face.verdictTitle')}>
        <Descriptions.Item label={t('capture.face.verdictTitle')}>
          <Tag
            color={COLOURS[result.verdict]}
            data-testid="face-verdict"
            data-verdict={result.verdict}
            style={{ fontSize: 20, padding: '4px 12px' }}
          >
            {verdictText(result.verdict)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('capture.face.match')}>
          <span data-testid="face-match" data-verdict={result.match.verdict} data-score={result.match.score ?? ''}>
            <Tag color={COLOURS[result.match.verdict]}>{verdictText(result.match.verdict)}</Tag>
            {result.match.score !== null ? t('capture.face.score', { score: fmt(result.match.score), pass: result.match.pass }) : null}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('capture.face.liveness')}>
          <span
            data-testid="face-liveness"
            data-verdict={result.liveness.verdict}
            data-antispoof={result.liveness.antispoof ?? ''}
            data-liveness={result.liveness.liveness ?? ''}
          >
            <Tag color={COLOURS[result.liveness.verdict]}>{verdictText(result.liveness.verdict)}</Tag>
            {t('capture.face.score', {
              score: `${fmt(result.liveness.antispoof)} / ${fmt(result.liveness.liveness)}`,
              pass: result.liveness.pass,
            })}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('capture.face.mode.auto')}>
          <span data-testid="face-mode" data-mode={result.mode}>
            {t(`capture.face.mode.${result.mode}`)}
            {result.manualReason ? ` · ${t('capture.face.reasonShown', { reason: result.manualReason })}` : ''}
          </span>
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}
