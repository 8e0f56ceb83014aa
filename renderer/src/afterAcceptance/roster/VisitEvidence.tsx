import { Alert, Button, Divider, Form, Image, List, Modal, Space, Tag, Typography, type FormInstance } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { distinctNames, visitStatement, type VisitFacts, type VisitSignerRole } from '../../../../common/afterAcceptance/visitStatement';
import type { DocumentCapture as DocumentCaptureResult } from '../../../../common/capture/schemas';
import { sha256Hex } from '../../../../common/capture/signatureBinding';
import type { VisitSignature } from '../../../../common/contract/methods/afterAcceptance/visits';
import { DocumentCapture, localDeviceSettings, SignaturePad } from '../../capture/index';

export interface VisitEvidenceValue {
  photos: DocumentCaptureResult[];
  signatures: VisitSignature[];
}
export const NO_EVIDENCE: VisitEvidenceValue = { photos: [], signatures: [] };

/** Visit photos are scenes, not papers: colour, whole frame, aspect kept (common/capture/documentKinds.ts). */
const PHOTO_KINDS = ['photo'] as const;
const lines = (s: unknown) => (typeof s === 'string' ? s.split('\n') : []);
const day = (v: unknown) => (v && typeof v === 'object' && 'format' in v ? (v as { format(f: string): string }).format('YYYY-MM-DD') : '');

/** What the signers sign, read from the visit form's fields (same names as CaseAfterAcceptance's visit form). */
export function visitFacts(values: Record<string, unknown>): VisitFacts {
  const text = (k: string) => (typeof values[k] === 'string' ? (values[k] as string).trim() : '');
  return {
    visitedOn: day(values['date']),
    staff: distinctNames(lines(values['staff'])),
    familyPresent: distinctNames(lines(values['family'])),
    housing: text('housing'),
    assets: text('assets'),
    livingConditions: text('living'),
    findings: text('findings'),
  };
}

/**
 * The visit dialog's photos (document camera or file, through the capture components) and the
 * signatures of every staff member and family member present, each drawn on the pad bound to the
 * visit's statement. Editing the record after signing voids the signatures (core would refuse them).
 */
export function VisitEvidence({
  caseId,
  form,
  value,
  onChange,
}: {
  caseId: string;
  form: FormInstance;
  value: VisitEvidenceValue;
  onChange: (v: VisitEvidenceValue) => void;
}) {
  const { t } = useTranslation();
  const [capturing, setCapturing] = useState(false);
  const [active, setActive] = useState<{ role: VisitSignerRole; name: string; hash: string } | null>(null);
  const [cleared, setCleared] = useState(false);
  // Every field, re-read on each change.
  const all = (Form.useWatch((v: Record<string, unknown>) => v, form) ?? {}) as Record<string, unknown>;
  const facts = visitFacts(all);
  const factsKey = JSON.stringify(facts);
  const signedKey = useRef(factsKey);
  const latest = useRef(value);
  latest.current = value;
  const panel = useRef<HTMLDivElement>(null);
  // The pad opens under the list: bring it into view.
  useEffect(() => {
    if (active) panel.current?.scrollIntoView({ block: 'center' });
  }, [active]);

  // The record changed after signing: the signatures no longer attest it.
  useEffect(() => {
    if (signedKey.current === factsKey) return;
    signedKey.current = factsKey;
    setActive(null);
    if (latest.current.signatures.length > 0) {
      onChange({ ...latest.current, signatures: [] });
      setCleared(true);
    }
  }, [factsKey, onChange]);

  const signers: Array<{ role: VisitSignerRole; name: string }> = [
    ...facts.staff.map((name) => ({ role: 'staff' as const, name })),
    ...facts.familyPresent.map((name) => ({ role: 'family' as const, name })),
  ];
  const signedBy = (role: VisitSignerRole, name: string) => value.signatures.some((s) => s.role === role && s.name === name);

  const startSigning = async (who: { role: VisitSignerRole; name: string }) => {
    await form.validateFields();
    const current = visitFacts(form.getFieldsValue(true) as Record<string, unknown>);
    setCleared(false);
    setActive({ ...who, hash: await sha256Hex(visitStatement(caseId, current, who)) });
  };
  const pages = value.photos.flatMap((c) => c.pages);

  return (
    <div data-testid="visit-evidence">
      <Divider titlePlacement="start">{t('visitEvidence.photos')}</Divider>
      <Space wrap>
        <Button onClick={() => setCapturing(true)} data-testid="visit-add-photo">
          {t('visitEvidence.addPhoto')}
        </Button>
        <Typography.Text data-testid="visit-photo-count" data-count={pages.length}>
          {pages.length ? t('visitEvidence.photoCount', { count: pages.length }) : t('visitEvidence.noPhotos')}
        </Typography.Text>
        {pages.length > 0 && (
          <Button size="small" onClick={() => onChange({ ...value, photos: [] })}>
            {t('visitEvidence.removePhotos')}
          </Button>
        )}
      </Space>
      {pages.length > 0 && (
        <Space wrap style={{ marginTop: 8 }}>
          {pages.map((p, i) => (
            <Image
              key={i}
              width={72}
              src={`data:${p.thumbnail.mime};base64,${p.thumbnail.base64}`}
              alt={`${t('visitEvidence.photos')} ${i + 1}`}
              preview={false}
            />
          ))}
        </Space>
      )}
      <Divider titlePlacement="start">{t('visitEvidence.signatures')}</Divider>
      <Typography.Paragraph type="secondary">{t('visitEvidence.signHint')}</Typography.Paragraph>
      {cleared && (
        <Alert
          type="warning"
          showIcon
          title={t('visitEvidence.cleared')}
          data-testid="visit-signatures-cleared"
          style={{ marginBottom: 8 }}
        />
      )}
      <List
        size="small"
        dataSource={signers}
        renderItem={(s, i) => {
          const signed = signedBy(s.role, s.name);
          return (
            <List.Item
              data-testid={`visit-signer-${i}`}
              data-signed={signed}
              actions={[
                <Button key="sign" size="small" onClick={() => void startSigning(s)} data-testid={`visit-sign-${i}`}>
                  {signed ? t('visitEvidence.resign') : t('visitEvidence.sign')}
                </Button>,
              ]}
            >
              <Space>
                <strong>{s.name}</strong>
                <Tag>{t(`visitEvidence.${s.role}`)}</Tag>
                {signed ? <Tag color="green">{t('visitEvidence.signed')}</Tag> : <Tag color="orange">{t('visitEvidence.unsigned')}</Tag>}
              </Space>
            </List.Item>
          );
        }}
      />
      {active && (
        <div ref={panel} data-testid="visit-signature-panel" style={{ marginTop: 8 }}>
          <Typography.Text strong>
            {t('visitEvidence.signingFor', { name: active.name, role: t(`visitEvidence.${active.role}`) })}
          </Typography.Text>
          <SignaturePad
            key={`${active.role}:${active.name}:${active.hash}`}
            signer={active.name}
            documentHash={active.hash}
            width={560}
            height={200}
            onCaptured={(capture) => {
              const rest = latest.current.signatures.filter((x) => !(x.role === active.role && x.name === active.name));
              onChange({ ...latest.current, signatures: [...rest, { role: active.role, name: active.name, capture }] });
              setActive(null);
            }}
          />
        </div>
      )}
      <Modal
        open={capturing}
        footer={null}
        width={900}
        onCancel={() => setCapturing(false)}
        destroyOnHidden
        title={t('visitEvidence.addPhoto')}
      >
        {capturing && (
          <DocumentCapture
            deviceId={localDeviceSettings().load().document?.deviceId ?? null}
            defaultKind="photo"
            kinds={PHOTO_KINDS}
            onCaptured={(c) => {
              onChange({ ...latest.current, photos: [...latest.current.photos, c] });
              setCapturing(false);
            }}
          />
        )}
      </Modal>
    </div>
  );
}
