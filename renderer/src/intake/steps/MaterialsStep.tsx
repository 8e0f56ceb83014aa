import { Alert, Button, Card, Modal, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Application } from '../../../../common/cases/application';
import { materialsFor, type MaterialsChecklist } from '../../../../common/cases/materials';
import type { ReferenceInfo } from '../../../../common/cases/referenceTables';
import { chineseDate } from '../../../../common/format/dates';
import type { DocumentCapture as DocumentCaptureResult } from '../../../../common/capture/schemas';
import { call } from '../../api/client';
import { pageKindOfMaterial } from '../materialKind';
import { DocumentCapture, localDeviceSettings } from '../../capture/index';

type Status = 'received' | 'missing' | 'not_applicable';

/**
 * Step 5: the materials checklist of the type (county data). Each item is marked received or
 * missing; the document camera (高拍仪) attaches its pages, which marks it received.
 */
export function MaterialsStep({
  app,
  checklist,
  published,
  pages,
  update,
  ensureSaved,
  onAttached,
}: {
  app: Application;
  checklist: MaterialsChecklist | undefined;
  /** The county's published checklists in force (cases.settings reference.materials): named with version and day where it covers the type. */
  published?: ReferenceInfo['materials'][number] | undefined;
  pages: Record<string, number>;
  update: (change: (a: Application) => Application) => void;
  ensureSaved: () => Promise<{ caseId: string }>;
  onAttached: (code: string, rev: number, count: number) => void;
}) {
  const { t } = useTranslation();
  const [capturing, setCapturing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const items = checklist ? materialsFor(checklist, app) : [];
  const setStatus = (code: string, status: Status) =>
    update((a) => ({ ...a, materials: [...a.materials.filter((m) => m.code !== code), { code, status }] }));

  const attach = async (code: string, capture: DocumentCaptureResult) => {
    try {
      const { caseId } = await ensureSaved();
      const r = await call('intake.addMaterial', { caseId, code, capture });
      onAttached(code, r.rev, r.attachmentIds.length);
      setCapturing(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const county = published && app.type && published.types.includes(app.type) ? published : null;
  return (
    <Card data-testid="step-materials">
      {county && (
        <Typography.Paragraph type="secondary" data-testid="materials-published">
          {t('countySettings.materials.inForce', {
            publisher: county.publishedBy ?? t('countySettings.published.unknownPublisher'),
            version: county.version,
            effectiveFrom: chineseDate(county.effectiveFrom),
          })}
        </Typography.Paragraph>
      )}
      <Button
        style={{ marginBottom: 8 }}
        autoFocus
        data-testid="all-received"
        onClick={() =>
          update((a) => ({
            ...a,
            materials: [
              ...a.materials.filter((m) => !items.some((i) => i.code === m.code)),
              ...items.map((i) => ({ code: i.code, status: 'received' as const })),
            ],
          }))
        }
      >
        {t('intake.allReceived')}
      </Button>
      <Table
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={items}
        columns={[
          {
            title: t('intake.materials'),
            dataIndex: 'label',
            render: (v: string, m) => <span data-testid={`material-${m.code}`}>{v}</span>,
          },
          {
            title: '',
            dataIndex: 'required',
            render: (v: boolean) => (v ? <Tag color="red">{t('intake.required')}</Tag> : <Tag>{t('intake.optional')}</Tag>),
          },
          {
            title: '',
            key: 'status',
            render: (_: unknown, m) => (
              <Select
                aria-label={`${m.label}${t('intake.materials')}`}
                style={{ width: 110 }}
                value={m.status}
                onChange={(v: Status) => setStatus(m.code, v)}
                options={(['received', 'missing', 'not_applicable'] as const).map((s) => ({
                  value: s,
                  label: t(`cases.materialStatus.${s}`),
                }))}
              />
            ),
          },
          { title: '', key: 'pages', render: (_: unknown, m) => (pages[m.code] ? t('intake.pages', { count: pages[m.code] }) : null) },
          {
            title: '',
            key: 'capture',
            render: (_: unknown, m) => <Button onClick={() => setCapturing(m.code)}>{t('intake.capture')}</Button>,
          },
        ]}
      />
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} />}
      <Modal
        open={capturing !== null}
        footer={null}
        width={900}
        onCancel={() => setCapturing(null)}
        destroyOnHidden
        title={items.find((i) => i.code === capturing)?.label}
      >
        {capturing && (
          <DocumentCapture
            deviceId={localDeviceSettings().load().document?.deviceId ?? null}
            defaultKind={pageKindOfMaterial(capturing)}
            onCaptured={(c) => void attach(capturing, c)}
          />
        )}
      </Modal>
    </Card>
  );
}
