import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Empty, List, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { call } from '../api/client';
import { RatingScreenControl } from '../applicant/index';
import { useF2 } from '../idcard/useF2';
import { IntakeWizard } from './IntakeWizard';
import { DecisionStep } from './steps/DecisionStep';

/** 受理登记: the clerk's unfinished drafts (resume after a crash or a lock) and the wizard. */
export function IntakePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const caseId = params.get('case');
  const [fresh, setFresh] = useState(0);
  // The button says 新的申请（F2 读卡）: F2 here opens a new intake and reads the card at once.
  const [readOnOpen, setReadOnOpen] = useState(false);
  useF2(
    () => {
      setReadOnOpen(true);
      setFresh(Date.now());
    },
    fresh === 0 && !caseId,
  );
  const drafts = useQuery({ queryKey: ['intake.drafts'], queryFn: () => call('intake.drafts', {}), enabled: !caseId && fresh === 0 });
  const loaded = useQuery({
    queryKey: ['intake.load', caseId],
    queryFn: () => call('cases.get', { caseId: caseId! }),
    enabled: !!caseId,
    staleTime: Infinity,
    gcTime: 0,
  });

  const close = () => {
    setFresh(0);
    setReadOnOpen(false);
    setParams({});
    void client.invalidateQueries({ queryKey: ['intake.drafts'] });
    void client.invalidateQueries({ queryKey: ['cases.deadlines'] });
  };

  if (fresh > 0) return <IntakeWizard key={fresh} onClose={close} readOnOpen={readOnOpen} />;
  if (caseId) {
    if (loaded.isPending) return <Spin />;
    if (loaded.data?.state === 'draft')
      return <IntakeWizard key={caseId} initial={{ caseId, rev: loaded.data.draftRev, app: loaded.data.application }} onClose={close} />;
    // A case submitted earlier, decided now (the applicant back at the counter): the screen can be paired for the 好差评 question.
    if (loaded.data?.state === 'submitted')
      return (
        <>
          <RatingScreenControl />
          <DecisionStep detail={loaded.data} problems={[]} onSubmit={async () => undefined} onDecided={() => undefined} onNext={close} />
        </>
      );
    if (loaded.data) {
      void navigate(`/cases?id=${caseId}`);
      return null;
    }
  }
  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 880 }}>
      <Button type="primary" size="large" autoFocus onClick={() => (setReadOnOpen(false), setFresh(Date.now()))} data-testid="new-intake">
        {t('intake.newIntake')}
      </Button>
      <Card title={t('intake.drafts')} loading={drafts.isPending}>
        {drafts.data?.length ? (
          <List
            data-testid="drafts"
            dataSource={drafts.data}
            renderItem={(d) => (
              <List.Item
                actions={[
                  <Button key="resume" onClick={() => setParams({ case: d.caseId })} data-testid={`resume-${d.caseId}`}>
                    {t('intake.resume')}
                  </Button>,
                ]}
              >
                <Typography.Text>
                  {d.applicantName ?? '—'} · {d.type ? t(`cases.typesShort.${d.type}`) : ''} ·{' '}
                  {new Date(d.updatedAt).toLocaleString('zh-CN')}
                </Typography.Text>
              </List.Item>
            )}
          />
        ) : (
          <Empty description={t('intake.noDrafts')} />
        )}
      </Card>
    </Space>
  );
}
