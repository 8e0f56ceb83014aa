import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, List, Modal, Radio, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChangeView } from '../../../../common/contract/methods/afterAcceptance/changes';
import { rolesGrant } from '../../../../common/contract/permissions';
import { call } from '../../api/client';
import { useSession } from '../../session/useSession';
import { ChangeSummary } from './ChangeSummary';

const lines = (s: string | undefined) =>
  (s ?? '')
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * 待遇变更审核确认 on the roster page: the proposals to adjust, phase out or stop a benefit waiting
 * for their decision. The county decides them on the platform; where it delegated 审核确认, the
 * station head (case.decide) decides here. Everyone else sees that they wait.
 */
export function ChangeProposals() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const session = useSession();
  const mayDecide = session.data ? rolesGrant(session.data.roles, 'case.decide') : false;
  const [target, setTarget] = useState<ChangeView | null>(null);
  const [form] = Form.useForm();
  const list = useQuery({ queryKey: ['changes.list'], queryFn: () => call('changes.list', { filter: 'open' }) });
  const decide = useMutation({
    mutationFn: async () => {
      const v = (await form.validateFields()) as { outcome: 'approved' | 'refused'; reasons?: string; legalBasis?: string };
      return call('changes.decide', {
        proposalId: target!.id,
        outcome: v.outcome,
        reasons: lines(v.reasons),
        legalBasis: lines(v.legalBasis),
      });
    },
    onSuccess: () => {
      setTarget(null);
      for (const key of ['changes.list', 'roster.list', 'warnings.list']) void client.invalidateQueries({ queryKey: [key] });
    },
  });
  const open = (r: ChangeView) => {
    decide.reset();
    form.resetFields();
    setTarget(r);
  };
  const d = list.data;
  if (!d || d.rows.length === 0) return list.error ? <Alert type="error" showIcon message={list.error.message} /> : null;
  return (
    <Card size="small" title={t('changes.title')} data-testid="change-proposals">
      <Alert type="info" showIcon message={t('changes.hint')} style={{ marginBottom: 8 }} />
      <List
        size="small"
        dataSource={d.rows}
        renderItem={(r) => (
          <List.Item
            actions={[
              mayDecide && d.delegated ? (
                <Button key="decide" size="small" type="primary" data-testid={`change-decide-${r.id}`} onClick={() => open(r)}>
                  {t('changes.decide')}
                </Button>
              ) : (
                <Tag key="waiting" color="orange">
                  {t('changes.waiting')}
                </Tag>
              ),
            ]}
          >
            <Space direction="vertical" size={2} data-testid="change-proposal" data-status={r.status}>
              <Space wrap>
                <strong>{r.applicantName}</strong>
                <ChangeSummary change={r} />
              </Space>
              <span>
                {t('changes.columns.reasons')}：{r.reasons.join('；')} · {t(`changes.origins.${r.origin}`)} ·{' '}
                {new Date(r.proposedAt).toLocaleDateString('zh-CN')} {r.proposedBy}
              </span>
            </Space>
          </List.Item>
        )}
      />
      <Modal
        open={target !== null}
        title={t('changes.decideTitle')}
        onCancel={() => setTarget(null)}
        onOk={() => decide.mutate()}
        confirmLoading={decide.isPending}
        destroyOnHidden
      >
        {target && (
          <p>
            {target.applicantName}：<ChangeSummary change={target} />
          </p>
        )}
        <Form form={form} layout="vertical">
          <Form.Item name="outcome" label={t('changes.decideOutcome')} initialValue="approved">
            <Radio.Group options={(['approved', 'refused'] as const).map((o) => ({ value: o, label: t(`changes.decideOutcomes.${o}`) }))} />
          </Form.Item>
          <Form.Item name="reasons" label={t('changes.reasons')}>
            <Input.TextArea aria-label={t('changes.reasons')} />
          </Form.Item>
          <Form.Item name="legalBasis" label={t('changes.legalBasis')}>
            <Input.TextArea aria-label={t('changes.legalBasis')} />
          </Form.Item>
        </Form>
        {decide.error && <Alert type="error" showIcon message={decide.error.message} />}
      </Modal>
    </Card>
  );
}
