import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../common/contract/index';
import { AUDIT_FLAG_KINDS } from '../../../common/sync/auditAnchor';

type Anchor = MethodOutput<'sync.status'>['auditAnchor'];

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN');

/**
 * 审计记录与市级平台存证不一致: the flags the city platform raised about this workstation's audit
 * chain (docs/sync-protocol.md §5.4), newest first. Nothing when there are none, unless `showAnchored`
 * asks for the quiet line saying how far the platform has anchored the chain.
 */
export function AuditAnchorAlert({ anchor, showAnchored = false }: { anchor: Anchor; showAnchored?: boolean }) {
  const { t } = useTranslation();
  if (anchor.flags.length === 0) {
    if (!showAnchored || anchor.anchoredSeq === null || anchor.anchoredAt === null) return null;
    return (
      <Typography.Text type="secondary" data-testid="audit-anchored">
        {t('sync.auditAnchor.anchored', { seq: anchor.anchoredSeq, at: when(anchor.anchoredAt) })}
      </Typography.Text>
    );
  }
  const known = new Set<string>(AUDIT_FLAG_KINDS);
  return (
    <Alert
      type="error"
      showIcon
      data-testid="audit-anchor-flag"
      message={t('sync.auditAnchor.title')}
      description={
        <>
          {anchor.flags.map((f) => (
            <Typography.Paragraph key={f.id} style={{ marginBottom: 4 }}>
              {t(`sync.auditAnchor.kind.${known.has(f.kind) ? f.kind : 'other'}`)}
              {t('sync.auditAnchor.detail', {
                at: when(f.at),
                bundleSeq: f.bundleSeq,
                anchoredSeq: f.anchoredSeq,
                headSeq: f.headSeq ?? '—',
              })}
            </Typography.Paragraph>
          ))}
          <Typography.Paragraph strong style={{ marginBottom: 0 }}>
            {t('sync.auditAnchor.action')}
          </Typography.Paragraph>
        </>
      }
    />
  );
}
