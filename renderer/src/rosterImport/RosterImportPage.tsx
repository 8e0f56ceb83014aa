import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Empty, Modal, Space, Table, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { RosterImportReport, RosterRowError } from '../../../common/contract/methods/rosterImport';
import { ROSTER_IMPORT_TYPES } from '../../../common/contract/methods/rosterImport';
import { formatYuan } from '../../../common/format/money';
import { call } from '../api/client';

type Totals = RosterImportReport['totals'];
type ReportRow = Omit<RosterImportReport, 'errors'>;
const time = (iso: string) => new Date(iso).toLocaleString('zh-CN');

/** The file's bytes as base64, in slices so a large file does not overflow the argument list. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function TotalsView({ totals }: { totals: Totals }) {
  const { t } = useTranslation();
  const item = (key: keyof Totals & string, value: number) => ({
    key,
    label: t(`rosterImport.totals.${key}` as 'rosterImport.totals.households'),
    children: <span data-testid={`roster-import-${key}`}>{value}</span>,
  });
  return (
    <>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        bordered
        items={[
          item('households', totals.households),
          item('members', totals.members),
          item('importHouseholds', totals.importHouseholds),
          item('importMembers', totals.importMembers),
          item('skippedHouseholds', totals.skippedHouseholds),
          item('errorRows', totals.errorRows),
          { key: 'monthly', label: t('rosterImport.totals.monthly'), children: `${formatYuan(totals.monthlyFen, { grouping: true })} 元` },
        ]}
      />
      <Space wrap style={{ marginTop: 8 }}>
        <Typography.Text>{t('rosterImport.byType')}</Typography.Text>
        {ROSTER_IMPORT_TYPES.map((type) => (
          <Tag key={type} data-testid={`roster-import-type-${type}`}>
            {t(`roster.categories.${type}`)} {totals.byType[type]}
          </Tag>
        ))}
      </Space>
    </>
  );
}

function ErrorsTable({ errors, hidden }: { errors: RosterRowError[]; hidden: number }) {
  const { t } = useTranslation();
  if (errors.length === 0) return <Alert type="success" showIcon message={t('rosterImport.noErrors')} />;
  return (
    <>
      <Typography.Title level={5}>{t('rosterImport.errorsTitle')}</Typography.Title>
      <Table<RosterRowError>
        size="small"
        data-testid="roster-import-errors"
        rowKey={(e) => `${e.sheet}/${e.row}/${e.code}/${e.message}`}
        dataSource={errors}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: t('rosterImport.sheet'), dataIndex: 'sheet', width: 160, render: (v: string) => <span data-verbatim>{v}</span> },
          { title: t('rosterImport.row'), dataIndex: 'row', width: 70 },
          { title: t('rosterImport.problem'), dataIndex: 'message' },
        ]}
      />
      {hidden > 0 && <Typography.Text type="secondary">{t('rosterImport.errorsMore', { count: hidden })}</Typography.Text>}
    </>
  );
}

function ReportView({ id }: { id: string }) {
  const q = useQuery({ queryKey: ['rosterImport.report', id], queryFn: () => call('rosterImport.report', { id }) });
  if (q.error) return <Alert type="error" showIcon message={q.error.message} />;
  if (!q.data) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="roster-import-report">
      <Typography.Text>
        <span data-verbatim>{q.data.fileName}</span> · {q.data.importedBy} · {time(q.data.importedAt)}
      </Typography.Text>
      <TotalsView totals={q.data.totals} />
      <ErrorsTable errors={q.data.errors} hidden={Math.max(0, q.data.totals.errorRows - q.data.errors.length)} />
    </Space>
  );
}

/**
 * 导入在册对象 (the station head): pick the previous system's .xlsx export, see what would be
 * imported and every problem by sheet row, confirm, and see the report; earlier imports are listed.
 */
export function RosterImportPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  const preview = useMutation({
    mutationFn: async (f: File) => {
      const picked = { name: f.name, base64: await base64Of(f) };
      setFile(picked);
      return call('rosterImport.preview', { fileName: picked.name, fileBase64: picked.base64 });
    },
  });
  const confirm = useMutation({
    mutationFn: () => call('rosterImport.confirm', { token: preview.data!.token, fileName: file!.name, fileBase64: file!.base64 }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['rosterImport.reports'] });
      void client.invalidateQueries({ queryKey: ['roster.list'] });
      void client.invalidateQueries({ queryKey: ['certification.due'] });
    },
  });
  const reports = useQuery({ queryKey: ['rosterImport.reports'], queryFn: () => call('rosterImport.reports', {}) });
  const reset = () => {
    preview.reset();
    confirm.reset();
    setFile(null);
    if (input.current) input.current.value = '';
  };
  const p = preview.data;
  const done = confirm.data;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Card title={t('rosterImport.title')} data-testid="roster-import-page">
        <Typography.Paragraph>{t('rosterImport.help')}</Typography.Paragraph>
        <Space>
          <input
            ref={input}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            style={{ display: 'none' }}
            data-testid="roster-import-file"
            onChange={(e) => {
              const f = e.target.files?.[0];
              confirm.reset();
              if (f) preview.mutate(f);
            }}
          />
          <Button type="primary" loading={preview.isPending} onClick={() => input.current?.click()} data-testid="roster-import-pick">
            {preview.isPending ? t('rosterImport.reading') : t('rosterImport.pick')}
          </Button>
          {(p || preview.error) && !done && (
            <Button onClick={reset} data-testid="roster-import-reset">
              {t('rosterImport.cancel')}
            </Button>
          )}
        </Space>
        {preview.error && (
          <Alert style={{ marginTop: 12 }} type="error" showIcon message={preview.error.message} data-testid="roster-import-error" />
        )}
      </Card>

      {p && !done && (
        <Card
          title={
            <>
              {t('rosterImport.previewTitle')} <span data-verbatim>{file?.name}</span>
            </>
          }
          data-testid="roster-import-preview"
        >
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text>
              {t(`rosterImport.layout.${p.layout}`)} · <span data-verbatim>{p.sheets.join('、')}</span>
            </Typography.Text>
            {p.importedBefore && (
              <Alert type="warning" showIcon message={t('rosterImport.importedBefore', { at: time(p.importedBefore.at) })} />
            )}
            <TotalsView totals={p.totals} />
            <Space wrap>
              <Typography.Text>{t('rosterImport.columnsFound')}</Typography.Text>
              {p.columns.map((c) => (
                <Tag key={c.column}>
                  <span data-verbatim>{c.header}</span> → {t(`rosterImport.columnNames.${c.column}` as 'rosterImport.columnNames.name')}
                </Tag>
              ))}
            </Space>
            <ErrorsTable errors={p.errors} hidden={Math.max(0, p.totals.errorRows - p.errors.length)} />
            {confirm.error && <Alert type="error" showIcon message={confirm.error.message} data-testid="roster-import-confirm-error" />}
            <Button
              type="primary"
              disabled={p.totals.importHouseholds === 0}
              loading={confirm.isPending}
              data-testid="roster-import-confirm"
              onClick={() =>
                Modal.confirm({
                  title: t('rosterImport.confirmTitle'),
                  content: t('rosterImport.confirmBody', {
                    households: p.totals.importHouseholds,
                    members: p.totals.importMembers,
                    skipped: p.totals.skippedHouseholds,
                  }),
                  okText: t('rosterImport.confirm', { count: p.totals.importHouseholds }),
                  okButtonProps: { 'data-testid': 'roster-import-confirm-ok' } as Record<`data-${string}`, string>,
                  cancelText: t('rosterImport.back'),
                  onOk: () => confirm.mutateAsync(),
                })
              }
            >
              {t('rosterImport.confirm', { count: p.totals.importHouseholds })}
            </Button>
          </Space>
        </Card>
      )}

      {done && (
        <Card title={t('rosterImport.reportTitle')} data-testid="roster-import-done">
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Alert
              type="success"
              showIcon
              message={t('rosterImport.done', { households: done.totals.importHouseholds, members: done.totals.importMembers })}
            />
            <TotalsView totals={done.totals} />
            <ErrorsTable errors={done.errors} hidden={Math.max(0, done.totals.errorRows - done.errors.length)} />
            <Space>
              <Link to="/roster" data-testid="roster-import-open-roster">
                {t('rosterImport.openRoster')}
              </Link>
              <Button onClick={reset}>{t('rosterImport.pick')}</Button>
            </Space>
          </Space>
        </Card>
      )}

      <Card title={t('rosterImport.reportsTitle')}>
        {reports.error && <Alert type="error" showIcon message={reports.error.message} />}
        {reports.data && reports.data.reports.length === 0 ? (
          <Empty description={t('rosterImport.noReports')} />
        ) : (
          <Table<ReportRow>
            size="small"
            rowKey="id"
            loading={reports.isPending}
            data-testid="roster-import-reports"
            dataSource={reports.data?.reports ?? []}
            pagination={false}
            columns={[
              { title: t('rosterImport.reportColumns.at'), dataIndex: 'importedAt', render: (v: string) => time(v) },
              { title: t('rosterImport.reportColumns.file'), dataIndex: 'fileName', render: (v: string) => <span data-verbatim>{v}</span> },
              { title: t('rosterImport.reportColumns.by'), dataIndex: 'importedBy' },
              { title: t('rosterImport.reportColumns.households'), render: (_: unknown, r: ReportRow) => r.totals.importHouseholds },
              { title: t('rosterImport.reportColumns.members'), render: (_: unknown, r: ReportRow) => r.totals.importMembers },
              { title: t('rosterImport.reportColumns.skipped'), render: (_: unknown, r: ReportRow) => r.totals.skippedHouseholds },
              {
                title: '',
                render: (_: unknown, r: ReportRow) => (
                  <Button size="small" onClick={() => setViewing(r.id)} data-testid="roster-import-view">
                    {t('rosterImport.view')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Card>
      <Modal
        open={viewing !== null}
        title={t('rosterImport.reportTitle')}
        width={960}
        footer={null}
        onCancel={() => setViewing(null)}
        destroyOnHidden
      >
        {viewing && <ReportView id={viewing} />}
      </Modal>
    </Space>
  );
}
