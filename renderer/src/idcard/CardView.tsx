import { Alert, Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CardRead } from './useReader';

function OnFileNote({ onFile }: { onFile: NonNullable<CardRead['onFile']> }) {
  const { t } = useTranslation();
  if (!onFile.known)
    return <Alert style={{ marginTop: 8 }} type="info" showIcon message={t('idcard.card.notOnFile')} data-testid="on-file" />;
  if (onFile.differences.length === 0)
    return <Alert style={{ marginTop: 8 }} type="success" showIcon message={t('idcard.card.onFileSame')} data-testid="on-file" />;
  return (
    <Alert
      style={{ marginTop: 8 }}
      type="warning"
      showIcon
      data-testid="on-file"
      message={t('idcard.card.onFileDiffers')}
      description={
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {onFile.differences.map((d) => (
            <li key={d.field}>{t('idcard.card.difference', { label: d.label, card: d.card, stored: d.stored })}</li>
          ))}
        </ul>
      }
    />
  );
}

type CardField =
  | 'name'
  | 'englishName'
  | 'sex'
  | 'nation'
  | 'nationality'
  | 'birthDate'
  | 'address'
  | 'appendedAddress'
  | 'idNumber'
  | 'passNumber'
  | 'issueCount'
  | 'authority'
  | 'validity';
/** A foreigner's English name, nationality code and pass number are shown as printed on the card. */
const VERBATIM = new Set<CardField>(['englishName', 'nationality', 'passNumber']);

/** The card as read, field by field, with the photo (or why there is none) and how it compares with the file. */
export function CardView({ read }: { read: CardRead }) {
  const { t } = useTranslation();
  const c = read.card;
  const fields: Array<[CardField, string | undefined]> = [
    ['name', c.name],
    ['englishName', c.englishName],
    ['sex', c.sex],
    ['nation', c.nation],
    ['nationality', c.nationality],
    ['birthDate', c.birthDate],
    ['address', c.address],
    ['appendedAddress', c.appendedAddress],
    ['idNumber', c.idNumber],
    ['passNumber', c.passNumber],
    ['issueCount', c.issueCount],
    ['authority', c.authority],
    ['validity', t('idcard.card.validity', { from: c.validFrom, until: c.validUntil })],
  ];
  const rows = fields.map(([key, value]) => [t(`idcard.card.fields.${key}`), value, key] as const);
  return (
    <div style={{ display: 'flex', gap: 24, alignItems: 'flex-start' }} data-testid="card-view">
      <div style={{ width: 102 * 1.4, flex: 'none' }}>
        {read.photo.bmpBase64 ? (
          <img
            alt={t('idcard.card.photo')}
            src={`data:image/bmp;base64,${read.photo.bmpBase64}`}
            style={{ width: '100%', imageRendering: 'pixelated', border: '1px solid #d9d9d9' }}
          />
        ) : (
          <div
            style={{
              height: 126 * 1.4,
              border: '1px dashed #bfbfbf',
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'center',
              textAlign: 'center',
              padding: 8,
              color: '#8c8c8c',
            }}
            data-testid="photo-placeholder"
          >
            {read.photo.message}
          </div>
        )}
      </div>
      <div style={{ flex: 1 }}>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          <Tag color="blue">{t(`idcard.cardType.${c.cardType}`)}</Tag>
        </Typography.Title>
        <Descriptions column={2} size="small" bordered>
          {rows
            .filter(([, value]) => value)
            .map(([label, value, key]) => (
              <Descriptions.Item key={key} label={label} span={key === 'address' || key === 'appendedAddress' ? 2 : 1}>
                <span data-field={key} {...(VERBATIM.has(key) ? { 'data-verbatim': true } : {})}>
                  {value}
                </span>
              </Descriptions.Item>
            ))}
        </Descriptions>
        {read.photo.status === 'decode-failed' && <Alert style={{ marginTop: 8 }} type="warning" showIcon message={read.photo.message} />}
        {read.onFile && <OnFileNote onFile={read.onFile} />}
      </div>
    </div>
  );
}
