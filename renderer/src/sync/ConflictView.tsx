import { Alert, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../common/contract/index';
import { conflictRows, type ConflictRow } from '../../../common/i18n/syncConflict';

type Row = MethodOutput<'sync.quarantine'>[number];

/** A conflict's two versions side by side, field by field in words (amounts in 元), differences marked. */
export function ConflictView({ record }: { record: Row }) {
  const { t } = useTranslation();
  if (!record.theirs) return null;
  const { rows, otherDiffers } = conflictRows(record.mine, record.theirs.body);
  return (
    <>
      <Table<ConflictRow>
        rowKey="field"
        size="small"
        pagination={false}
        dataSource={rows}
        data-testid="sync-conflict-fields"
        rowClassName={(r) => (r.differs ? 'sync-conflict-differs' : '')}
        columns={[
          {
            title: t('sync.conflict.field'),
            dataIndex: 'field',
            width: 200,
            render: (v: string, r) => (r.differs ? <strong>{v}</strong> : v),
          },
          { title: t('sync.conflict.mine', { version: record.baseVersion ?? 0 }), dataIndex: 'mine' },
          { title: t('sync.conflict.theirs', { version: record.theirs.version }), dataIndex: 'theirs' },
          { title: '', width: 70, render: (_, r) => (r.differs ? <Tag color="orange">{t('sync.conflict.differs')}</Tag> : null) },
        ]}
      />
      {otherDiffers && <Alert type="info" showIcon style={{ marginTop: 8 }} message={t('sync.conflict.otherDiffers')} />}
    </>
  );
}
