import { Button, Card, Checkbox, Form, Input, Radio, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Application } from '../../../../common/cases/application';
import { ASSISTANCE_TYPES, REASON_CODES, SUBTYPES, type AssistanceType, type Subtype } from '../../../../common/cases/types';
import { checkIdNumber } from '../../../../common/idnumber/check';
import { localIsoDate } from '../../../../common/format/dates';
import { maskIdNumber } from '../../../../common/format/mask';

type Supporter = Application['supporters'][number];
const SUPPORTER_RELATIONS = ['child', 'parent', 'spouse', 'sibling', 'grandchild', 'other'] as const;

/** Step 3: assistance type and subtype, reasons, the related-party flag, and supporters for 特困. */
export function TypeStep({ app, update }: { app: Application; update: (change: (a: Application) => Application) => void }) {
  const { t } = useTranslation();
  const [sup, setSup] = useState({ idNumber: '', name: '', relationship: 'child' as Supporter['relationship'], ableToSupport: false });
  const addSupporter = () => {
    const r = checkIdNumber(sup.idNumber, { today: localIsoDate(new Date()) });
    if (!r.valid || !sup.name.trim()) return;
    update((a) => ({
      ...a,
      supporters: [...a.supporters.filter((s) => s.idNumber !== r.idNumber), { ...sup, idNumber: r.idNumber, name: sup.name.trim() }],
    }));
    setSup({ idNumber: '', name: '', relationship: 'child', ableToSupport: false });
  };
  return (
    <Card data-testid="step-type">
      <Form layout="vertical">
        <Form.Item label={t('intake.type')}>
          <Radio.Group
            aria-label={t('intake.type')}
            value={app.type}
            onChange={(e) => {
              const type = e.target.value as AssistanceType;
              const subs = SUBTYPES[type] as readonly Subtype[];
              update((a) => ({ ...a, type, subtype: subs[0] }));
            }}
          >
            {ASSISTANCE_TYPES.map((type, i) => (
              <Radio key={type} value={type} autoFocus={i === 0}>
                {t(`cases.types.${type}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        {app.type && SUBTYPES[app.type].length > 0 && (
          <Form.Item label={t('intake.subtype')}>
            <Radio.Group
              aria-label={t('intake.subtype')}
              value={app.subtype}
              onChange={(e) => update((a) => ({ ...a, subtype: e.target.value as Subtype }))}
            >
              {(SUBTYPES[app.type] as readonly Subtype[]).map((s) => (
                <Radio key={s} value={s}>
                  {t(`cases.subtypes.${s}`)}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
        )}
        <Form.Item label={t('intake.reasons')}>
          <Checkbox.Group
            value={app.reasons}
            onChange={(v) => update((a) => ({ ...a, reasons: v as Application['reasons'] }))}
            options={REASON_CODES.map((r) => ({ value: r, label: t(`cases.reasons.${r}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('intake.reasonText')} htmlFor="reason-text">
          <Input.TextArea
            id="reason-text"
            rows={2}
            maxLength={500}
            value={app.reasonText}
            onChange={(e) => update((a) => ({ ...a, reasonText: e.target.value }))}
          />
        </Form.Item>
        <Form.Item>
          <Checkbox
            checked={app.relatedParty.related}
            onChange={(e) => update((a) => ({ ...a, relatedParty: { ...a.relatedParty, related: e.target.checked } }))}
            data-testid="related-party"
          >
            {t('intake.relatedParty')}
          </Checkbox>
          {app.relatedParty.related && (
            <Space style={{ marginTop: 8 }}>
              <Input
                aria-label={t('intake.staffName')}
                placeholder={t('intake.staffName')}
                value={app.relatedParty.staffName ?? ''}
                onChange={(e) => update((a) => ({ ...a, relatedParty: { ...a.relatedParty, staffName: e.target.value } }))}
              />
              <Input
                aria-label={t('intake.staffRelation')}
                placeholder={t('intake.staffRelation')}
                value={app.relatedParty.relation ?? ''}
                onChange={(e) => update((a) => ({ ...a, relatedParty: { ...a.relatedParty, relation: e.target.value } }))}
              />
            </Space>
          )}
        </Form.Item>
        {app.type === 'tekun' && (
          <Form.Item label={t('intake.supporters')}>
            <Table
              size="small"
              rowKey="idNumber"
              pagination={false}
              dataSource={app.supporters}
              columns={[
                { title: t('intake.name'), dataIndex: 'name' },
                { title: t('idNumber.label'), dataIndex: 'idNumber', render: (v: string) => maskIdNumber(v) },
                {
                  title: t('intake.relationship'),
                  dataIndex: 'relationship',
                  render: (v: Supporter['relationship']) => t(`cases.supporterRelations.${v}`),
                },
                {
                  title: t('intake.ableToSupport'),
                  dataIndex: 'ableToSupport',
                  render: (v: boolean) => (v ? t('intake.yes') : t('intake.no')),
                },
              ]}
            />
            <Space wrap style={{ marginTop: 8 }}>
              <Input
                aria-label={`${t('intake.supporters')}${t('intake.name')}`}
                placeholder={t('intake.name')}
                value={sup.name}
                onChange={(e) => setSup({ ...sup, name: e.target.value })}
              />
              <Input
                aria-label={`${t('intake.supporters')}${t('idNumber.label')}`}
                placeholder={t('idNumber.label')}
                value={sup.idNumber}
                onChange={(e) => setSup({ ...sup, idNumber: e.target.value })}
              />
              <Select
                style={{ width: 120 }}
                value={sup.relationship}
                onChange={(v) => setSup({ ...sup, relationship: v })}
                options={SUPPORTER_RELATIONS.map((r) => ({ value: r, label: t(`cases.supporterRelations.${r}`) }))}
              />
              <Checkbox checked={sup.ableToSupport} onChange={(e) => setSup({ ...sup, ableToSupport: e.target.checked })}>
                {t('intake.ableToSupport')}
              </Checkbox>
              <Button onClick={addSupporter}>{t('intake.addSupporter')}</Button>
            </Space>
          </Form.Item>
        )}
      </Form>
    </Card>
  );
}
