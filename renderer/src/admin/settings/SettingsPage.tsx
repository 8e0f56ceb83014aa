import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Spin, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { CaseRulesSection } from './CaseRulesSection';
import { CertificationSection } from './CertificationSection';
import { MaterialsSection } from './MaterialsSection';
import { NoticeSection } from './NoticeSection';
import { PolicyNoticesSection } from './PolicyNoticesSection';
import { RosterSection } from './RosterSection';
import { StandardsSection } from './StandardsSection';
import { StandardsInForce } from './StandardsInForce';
import { PublishedMaterials, PublishedPolicyTexts } from './PublishedTexts';
import { ReliefSection } from './ReliefSection';
import { AssetLimitsSection } from './AssetLimitsSection';

/**
 * 业务设置 (admin): the county's settings, one tab per topic. Each tab is its own form, checked
 * with the contract's zod schema before a confirmation; core checks again, saves and audits.
 */
export function SettingsPage() {
  const { t } = useTranslation();
  const cases = useQuery({ queryKey: ['cases.settings'], queryFn: () => call('cases.settings', {}) });
  const roster = useQuery({ queryKey: ['roster.settings'], queryFn: () => call('roster.settings', {}) });
  const certification = useQuery({ queryKey: ['certification.settings'], queryFn: () => call('certification.settings', {}) });
  const c = cases.data;
  const r = roster.data;
  const [tab, setTab] = useState('rules');
  return (
    <Card title={t('countySettings.title')} data-testid="county-settings">
      <Typography.Paragraph type="secondary">{t('countySettings.intro')}</Typography.Paragraph>
      {cases.error && <Alert type="error" showIcon message={cases.error.message} />}
      {roster.error && <Alert type="error" showIcon message={roster.error.message} style={{ marginTop: 8 }} />}
      {!c && !cases.error && <Spin tip={t('countySettings.loading')} />}
      {c && (
        <Tabs
          activeKey={tab}
          onChange={setTab}
          // Nine sections: listed down the side, so none is folded into a "more" menu at 1366×768.
          tabPosition="left"
          // Each form remounts on new data (after a save) so it starts from what core stored.
          items={[
            {
              key: 'rules',
              label: t('countySettings.sections.rules'),
              children: <CaseRulesSection key={cases.dataUpdatedAt} current={c.settings} policy={c.policy} />,
            },
            {
              key: 'materials',
              label: t('countySettings.sections.materials'),
              children: (
                <>
                  <PublishedMaterials versions={c.reference.materials} today={c.today} />
                  <MaterialsSection key={cases.dataUpdatedAt} current={c.settings} effective={c.materials} />
                </>
              ),
            },
            {
              key: 'notice',
              label: t('countySettings.sections.notice'),
              children: <NoticeSection key={cases.dataUpdatedAt} current={c.settings} />,
            },
            {
              key: 'standards',
              label: t('countySettings.sections.standards'),
              children: (
                <>
                  <StandardsInForce standards={c.standards} reference={c.reference} regionCode={c.regionCode} today={c.today} />
                  <StandardsSection key={cases.dataUpdatedAt} current={c.settings} />
                </>
              ),
            },
            {
              key: 'policy',
              label: t('countySettings.sections.policy'),
              children: (
                <>
                  <PublishedPolicyTexts versions={c.reference.policyTexts} today={c.today} />
                  <PolicyNoticesSection key={cases.dataUpdatedAt} current={c.settings} />
                </>
              ),
            },
            {
              key: 'relief',
              label: t('countySettings.sections.relief'),
              children: <ReliefSection key={cases.dataUpdatedAt} current={c.settings} policy={c.policy} />,
            },
            {
              key: 'assets',
              label: t('countySettings.sections.assets'),
              children: <AssetLimitsSection key={cases.dataUpdatedAt} current={c.settings} policy={c.policy} />,
            },
            ...(r
              ? [
                  {
                    key: 'roster',
                    label: t('countySettings.sections.roster'),
                    children: <RosterSection key={roster.dataUpdatedAt} current={r.settings} benefits={r.linkedBenefits} />,
                  },
                ]
              : []),
            {
              key: 'certification',
              label: t('countySettings.sections.certification'),
              children: certification.data ? (
                <CertificationSection key={certification.dataUpdatedAt} current={certification.data.settings} />
              ) : certification.error ? (
                <Alert type="error" showIcon message={certification.error.message} />
              ) : (
                <Spin />
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
