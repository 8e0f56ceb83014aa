import { Alert, Button, Card, Col, DatePicker, Form, Input, Radio, Row, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Application } from '../../../../common/cases/application';
import { checkIdNumber } from '../../../../common/idnumber/check';
import { localIsoDate } from '../../../../common/format/dates';
import { IdNumberInput } from '../../components/IdNumberInput';
import { readCard, readFailedMessage } from '../../idcard/readCard';
import { useF2 } from '../../idcard/useF2';

type Applicant = NonNullable<Application['applicant']>;
interface Local {
  idNumber: string;
  name: string;
  sex: '男' | '女' | undefined;
  birthDate: string;
  phone: string;
  address: string;
  cardValidUntil: string;
  source: 'card' | 'typed';
}

const fromApp = (a: Applicant | undefined): Local => ({
  idNumber: a?.idNumber ?? '',
  name: a?.name ?? '',
  sex: a?.sex,
  birthDate: a?.birthDate ?? '',
  phone: a?.phone ?? '',
  address: a?.address ?? '',
  cardValidUntil: a?.cardValidUntil ?? '',
  source: a?.source ?? 'typed',
});

/** Build the applicant when the typed facts are complete and the ID number checks; null otherwise. */
function toApplicant(l: Local): Applicant | null {
  const r = checkIdNumber(l.idNumber, { today: localIsoDate(new Date()), ...(l.sex ? { sex: l.sex } : {}) });
  if (!r.valid || !l.name.trim() || !l.sex || !/^\d{4}-\d{2}-\d{2}$/.test(l.birthDate)) return null;
  const phone = l.phone.trim();
  return {
    idNumber: r.idNumber,
    name: l.name.trim(),
    sex: l.sex,
    birthDate: l.birthDate,
    ...(phone && /^1\d{10}$|^0\d{2,3}-?\d{7,8}$/.test(phone) ? { phone } : {}),
    ...(l.address.trim() ? { address: l.address.trim() } : {}),
    ...(l.cardValidUntil ? { cardValidUntil: l.cardValidUntil } : {}),
    source: l.source,
  };
}

/** The applicant's fields in screen order, each with the element to focus: after a card read the first empty one gets the cursor. */
const FIELDS: Array<[keyof Local, string]> = [
  ['idNumber', 'applicant-id'],
  ['name', 'applicant-name'],
  ['sex', 'applicant-sex-male'],
  ['birthDate', 'applicant-birth'],
  ['cardValidUntil', 'applicant-valid'],
  ['phone', 'applicant-phone'],
  ['address', 'applicant-address'],
];
const firstEmpty = (l: Local) => FIELDS.find(([k]) => !l[k] || String(l[k]).trim() === '')?.[1];

/** Step 1: the applicant, read from the card (F2) or typed, and how the application came in; two columns so it fits 1366×768. */
export function ApplicantStep({
  app,
  update,
  readOnOpen = false,
  onCardPhoto,
}: {
  app: Application;
  update: (change: (a: Application) => Application) => void;
  /** Read a card at once (the intake was opened with F2). */
  readOnOpen?: boolean;
  /** The card's photo (a vendor decoder made it), kept for the face match at the authorization. */
  onCardPhoto?: (idNumber: string, bmpBase64: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const [local, setLocal] = useState<Local>(() => fromApp(app.applicant));
  const [reading, setReading] = useState(false);
  const [readError, setReadError] = useState<string | null>(null);

  const commit = (next: Local) => {
    setLocal(next);
    const applicant = toApplicant(next);
    update((a) => {
      if (!applicant) return { ...a, applicant: undefined };
      const self = {
        ...(a.members.find((m) => m.relationship === 'self') ?? {
          seriousIllness: false,
          student: false,
          labourCapacity: 'full' as const,
          employed: false,
          coResident: true,
        }),
      };
      const selfMember = {
        ...self,
        idNumber: applicant.idNumber,
        name: applicant.name,
        sex: applicant.sex,
        birthDate: applicant.birthDate,
        relationship: 'self' as const,
        ...(applicant.phone ? { phone: applicant.phone } : {}),
      };
      const others = a.members.filter((m) => m.relationship !== 'self');
      return { ...a, applicant, members: [selfMember, ...others] };
    });
  };

  const readLabel = `${t('intake.readCard')}（F2）`;
  const doRead = async () => {
    if (reading) return;
    setReading(true);
    setReadError(null);
    try {
      const r = await readCard();
      const c = r.card;
      onCardPhoto?.(c.idNumber, r.photo.bmpBase64);
      const next: Local = {
        idNumber: c.idNumber,
        name: c.name,
        sex: c.sex,
        birthDate: c.birthDate,
        phone: local.phone,
        address: c.address ?? '',
        cardValidUntil: c.validUntil,
        source: 'card',
      };
      commit(next);
      const empty = firstEmpty(next);
      if (empty) setTimeout(() => document.getElementById(empty)?.focus(), 0);
    } catch (e) {
      setReadError(readFailedMessage(t, e, readLabel));
    } finally {
      setReading(false);
    }
  };
  useF2(() => void doRead());
  const readOnce = useRef(readOnOpen);
  useEffect(() => {
    if (!readOnce.current) return;
    readOnce.current = false;
    void doRead();
  });

  const set = (change: Partial<Local>) =>
    commit({ ...local, ...change, ...(change.idNumber !== undefined || change.name !== undefined ? { source: 'typed' as const } : {}) });
  const channel = app.channel;

  return (
    <Card data-testid="step-applicant">
      <Space style={{ marginBottom: 16 }}>
        <Button type="primary" onClick={() => void doRead()} loading={reading} data-testid="read-card">
          {readLabel}
        </Button>
        {reading && <span>{t('intake.reading')}</span>}
        {local.source === 'card' && app.applicant && <Tag color="green">{t('intake.fromCard')}</Tag>}
      </Space>
      {readError && <Alert type="error" showIcon message={readError} style={{ marginBottom: 12 }} data-testid="read-error" />}
      <Form layout="vertical">
        <Row gutter={24}>
          <Col xs={24} lg={12}>
            <Form.Item label={t('idNumber.label')} htmlFor="applicant-id">
              <div data-testid="applicant-id">
                <IdNumberInput
                  id="applicant-id"
                  value={local.idNumber}
                  autoFocus
                  {...(local.sex ? { sex: local.sex } : {})}
                  onChange={(v) => set({ idNumber: v })}
                  onValid={(f) => {
                    if (f.birthDate && f.sex)
                      commit({ ...local, idNumber: f.idNumber, birthDate: f.birthDate, sex: f.sex, source: 'typed' });
                  }}
                />
              </div>
            </Form.Item>
            <Form.Item label={t('intake.name')} htmlFor="applicant-name">
              <Input id="applicant-name" value={local.name} maxLength={30} onChange={(e) => set({ name: e.target.value })} />
            </Form.Item>
            <Space size="large">
              <Form.Item label={t('intake.sex')}>
                <Radio.Group value={local.sex} onChange={(e) => set({ sex: e.target.value as '男' | '女' })} aria-label={t('intake.sex')}>
                  <Radio value="男" id="applicant-sex-male">
                    男
                  </Radio>
                  <Radio value="女">女</Radio>
                </Radio.Group>
              </Form.Item>
              <Form.Item label={t('intake.birthDate')}>
                <Input
                  id="applicant-birth"
                  aria-label={t('intake.birthDate')}
                  value={local.birthDate}
                  placeholder="YYYY-MM-DD"
                  style={{ width: 140 }}
                  onChange={(e) => set({ birthDate: e.target.value.trim() })}
                />
              </Form.Item>
              <Form.Item label={t('intake.cardValidUntil')}>
                <Input
                  id="applicant-valid"
                  aria-label={t('intake.cardValidUntil')}
                  value={local.cardValidUntil}
                  placeholder={t('intake.cardValidUntilPlaceholder')}
                  style={{ width: 140 }}
                  onChange={(e) => set({ cardValidUntil: e.target.value.trim() })}
                />
              </Form.Item>
            </Space>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item label={t('intake.phone')} htmlFor="applicant-phone">
              <Input id="applicant-phone" value={local.phone} maxLength={20} onChange={(e) => set({ phone: e.target.value })} />
            </Form.Item>
            <Form.Item label={t('intake.address')} htmlFor="applicant-address">
              <Input id="applicant-address" value={local.address} maxLength={120} onChange={(e) => set({ address: e.target.value })} />
            </Form.Item>
            <Form.Item label={t('intake.channel')}>
              <Radio.Group
                aria-label={t('intake.channel')}
                value={channel.kind}
                onChange={(e) => {
                  const kind = e.target.value as 'counter' | 'proxy' | 'online';
                  update((a) => ({
                    ...a,
                    channel:
                      kind === 'counter'
                        ? { kind }
                        : kind === 'online'
                          ? { kind, reference: 'WS-' }
                          : { kind, agent: { idNumber: '', name: '', relation: '', entrustment: { signedOn: localIsoDate(new Date()) } } },
                  }));
                }}
              >
                <Radio value="counter">{t('cases.channels.counter')}</Radio>
                <Radio value="proxy">{t('cases.channels.proxy')}</Radio>
                <Radio value="online">{t('cases.channels.online')}</Radio>
              </Radio.Group>
            </Form.Item>
            {channel.kind === 'proxy' && (
              <Space wrap>
                <Input
                  aria-label={t('intake.agentName')}
                  placeholder={t('intake.agentName')}
                  value={channel.agent.name}
                  onChange={(e) =>
                    update((a) =>
                      a.channel.kind === 'proxy'
                        ? { ...a, channel: { ...a.channel, agent: { ...a.channel.agent, name: e.target.value } } }
                        : a,
                    )
                  }
                />
                <Input
                  aria-label={t('intake.agentIdNumber')}
                  placeholder={t('intake.agentIdNumber')}
                  value={channel.agent.idNumber}
                  onChange={(e) =>
                    update((a) =>
                      a.channel.kind === 'proxy'
                        ? { ...a, channel: { ...a.channel, agent: { ...a.channel.agent, idNumber: e.target.value.trim().toUpperCase() } } }
                        : a,
                    )
                  }
                />
                <Input
                  aria-label={t('intake.agentRelation')}
                  placeholder={t('intake.agentRelation')}
                  value={channel.agent.relation}
                  onChange={(e) =>
                    update((a) =>
                      a.channel.kind === 'proxy'
                        ? { ...a, channel: { ...a.channel, agent: { ...a.channel.agent, relation: e.target.value } } }
                        : a,
                    )
                  }
                />
                <DatePicker
                  aria-label={t('intake.agentSignedOn')}
                  value={dayjs(channel.agent.entrustment.signedOn)}
                  onChange={(d) =>
                    d &&
                    update((a) =>
                      a.channel.kind === 'proxy'
                        ? {
                            ...a,
                            channel: { ...a.channel, agent: { ...a.channel.agent, entrustment: { signedOn: d.format('YYYY-MM-DD') } } },
                          }
                        : a,
                    )
                  }
                />
              </Space>
            )}
            {channel.kind === 'online' && (
              <Input
                aria-label={t('intake.onlineReference')}
                placeholder={t('intake.onlineReference')}
                value={channel.reference}
                onChange={(e) => update((a) => ({ ...a, channel: { kind: 'online', reference: e.target.value } }))}
              />
            )}
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
