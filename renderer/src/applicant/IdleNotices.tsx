import { Card, Col, List, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicantView } from '../../../common/contract/methods/applicant';

type Idle = Extract<ApplicantView, { kind: 'idle' }>;

/** 政策宣传 between applicants: the admin's notices, the county's standards (未设置 until it sets them), what to bring, the hotline. */
export function IdleNotices({ view }: { view: Idle }) {
  const { t } = useTranslation();
  const year = view.standards[0]?.year;
  return (
    <div data-testid="applicant-idle">
      <Typography.Title style={{ fontSize: '1.8em' }}>{t('applicant.welcome', { station: view.stationName })}</Typography.Title>
      <Typography.Title level={2} data-testid="applicant-hotline" style={{ color: '#0b3d91', fontSize: '1.4em' }}>
        {t('applicant.hotline', { hotline: view.hotline })}
      </Typography.Title>
      <Row gutter={[24, 24]}>
        {view.notices.length > 0 && (
          <Col span={24}>
            <Card title={t('applicant.noticesTitle')}>
              {view.notices.map((n) => (
                <div key={n.title} data-testid="policy-notice">
                  <Typography.Title level={3} style={{ fontSize: '1.2em' }}>
                    {n.title}
                  </Typography.Title>
                  <Typography.Paragraph style={{ fontSize: '1.05em' }}>{n.body}</Typography.Paragraph>
                </div>
              ))}
            </Card>
          </Col>
        )}
        <Col span={10}>
          <Card title={year !== undefined ? t('applicant.standardsTitle', { year }) : t('applicant.standardsTitleUnset')}>
            {(['urban', 'rural'] as const).map((residence) => {
              const s = view.standards.find((x) => x.residence === residence);
              return (
                <Typography.Paragraph
                  key={residence}
                  style={{ fontSize: '1.1em' }}
                  data-testid={`standard-${residence}`}
                  data-set={s ? 'yes' : 'no'}
                >
                  {s
                    ? t(`applicant.standard.${residence}`, { yuan: (s.monthlyFen / 100).toFixed(0) })
                    : t(`applicant.standardUnset.${residence}`)}
                </Typography.Paragraph>
              );
            })}
          </Card>
        </Col>
        <Col span={14}>
          <Card title={t('applicant.materialsTitle')}>
            <List
              dataSource={view.materials.filter((m) => m.items.length > 0)}
              renderItem={(m) => (
                <List.Item>
                  <Typography.Text strong>{t(`cases.typesShort.${m.type}`)}：</Typography.Text>
                  {m.items.join('、')}
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
