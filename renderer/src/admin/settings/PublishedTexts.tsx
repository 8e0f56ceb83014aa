import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReferenceInfo } from '../../../../common/cases/referenceTables';
import { PublishedVersions } from './PublishedVersions';

/** The materials checklists the county published: which assistance types each version replaces, and its source. */
export function PublishedMaterials({ versions, today }: { versions: ReferenceInfo['materials']; today: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PublishedVersions versions={versions} today={today} testId="published-materials">
        {(v) => (
          <Typography.Text>
            {t('countySettings.materials.publishedTypes', { types: v.types.map((type) => t(`cases.types.${type}`)).join('、') })}
            {v.source ? `（${v.source}）` : ''}
          </Typography.Text>
        )}
      </PublishedVersions>
      <Typography.Paragraph type="secondary">{t('countySettings.materials.publishedPrecedence')}</Typography.Paragraph>
    </>
  );
}

/** The 政策宣传 texts the county published, every version with its texts (the history kept). */
export function PublishedPolicyTexts({ versions, today }: { versions: ReferenceInfo['policyTexts']; today: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PublishedVersions versions={versions} today={today} testId="published-policy">
        {(v) =>
          v.notices.map((n) => (
            <Typography.Paragraph key={n.title} style={{ marginBottom: 4 }}>
              <Typography.Text strong>{n.title}</Typography.Text>：{n.body}
            </Typography.Paragraph>
          ))
        }
      </PublishedVersions>
      <Typography.Paragraph type="secondary">{t('countySettings.policy.publishedPrecedence')}</Typography.Paragraph>
    </>
  );
}
