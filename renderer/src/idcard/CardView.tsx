import { Alert, Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CardRead } from './useReader';

function OnFileNote({ onFile }: { onFile: NonNullable<CardRead['onFile']> }) {
  if (!onFile.known) return <Alert style={{ marginTop: 8 }} type="info" showIcon message="本站尚无此人记录。" data-testid="on-file" />;
  if (onFile.differences.length === 0) return <Alert style={{ marginTop: 8 }} type="success" showIcon message="本站已有此人，记录与证件一致。" data-testid="on-file" />;
  return (
    <Alert
      style={{ marginTop: 8 }}
      type="warning"
      showIcon
      data-testid="on-file"
      message="本站已有此人，以下信息与证件不一致，请核实后更新："
      description={
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {onFile.differences.map((d) => (
            <li key={d.field}>
              {d.label}：证件为“{d.card}”，记录为“{d.stored}”
            </li>
          ))}
        </ul>
      }
    />
  );
}

/** The card as read, field by field, with the photo (or why there is none) and how it compares with the file. */
export function CardView({ read }: { read: CardRead }) {
  const { t } = useTranslation();
  const c = read.card;
  const rows: Array<[string, string | undefined, string]> = [
    ['姓名', c.name, 'name'],
    ['英文姓名', c.englishName, 'englishName'],
    ['性别', c.sex, 'sex'],
    ['民族', c.nation, 'nation'],
    ['国籍', c.nationality, 'nationality'],
    ['出生日期', c.birthDate, 'birthDate'],
    ['住址', c.address, 'address'],
    ['最新住址', c.appendedAddress, 'appendedAddress'],
    ['证件号码', c.idNumber, 'idNumber'],
    ['通行证号码', c.passNumber, 'passNumber'],
    ['签发次数', c.issueCount, 'issueCount'],
    ['签发机关', c.authority, 'authority'],
    ['有效期限', `${c.validFrom} 至 ${c.validUntil}`, 'validity'],
  ];
  return (
    <div style={{ display: 'flex', gap: 24, alignItems: 'flex-start' }} data-testid="card-view">
      <div style={{ width: 102 * 1.4, flex: 'none' }}>
        {read.photo.bmpBase64 ? (
          <img alt="证件照片" src={`data:image/bmp;base64,${read.photo.bmpBase64}`} style={{ width: '100%', imageRendering: 'pixelated', border: '1px solid #d9d9d9' }} />
        ) : (
          <div style={{ height: 126 * 1.4, border: '1px dashed #bfbfbf', display: 'flex', alignItems: 'center', justifyContent: 'center', textAlign: 'center', padding: 8, color: '#8c8c8c' }} data-testid="photo-placeholder">
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
                <span data-field={key}>{value}</span>
              </Descriptions.Item>
            ))}
        </Descriptions>
        {read.photo.status === 'decode-failed' && <Alert style={{ marginTop: 8 }} type="warning" showIcon message={read.photo.message} />}
        {read.onFile && <OnFileNote onFile={read.onFile} />}
      </div>
    </div>
  );
}
