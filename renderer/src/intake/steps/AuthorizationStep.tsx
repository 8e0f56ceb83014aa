import { Card, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardPhotos } from '../authorization/cardPhoto';
import { PadPanel } from '../authorization/PadPanel';
import { PaperPanel } from '../authorization/PaperPanel';
import { SignerList, type AuthorizationView, type Signer } from '../authorization/SignerList';

/**
 * Step 6: the authorization for the economic verification — every adult member and, for 特困,
 * every supporter — on the signature pad with the face (per county setting), or, for a signer who
 * cannot sign on a pad, on the printed 授权书 scanned back (the paper route). The case page uses it
 * too, for a signer added after submission (an amendment).
 */
export function AuthorizationStep({
  signers,
  authorizations,
  faceRequired,
  paperFaceRequired,
  ensureSaved,
  onSigned,
  cardPhotos = {},
  title,
}: {
  signers: readonly Signer[];
  authorizations: readonly AuthorizationView[];
  faceRequired: boolean;
  paperFaceRequired: boolean;
  ensureSaved: () => Promise<{ caseId: string }>;
  onSigned: () => void;
  /** Card photos of this intake by ID number (the reader's vendor decoder): the face is matched against them. */
  cardPhotos?: CardPhotos;
  title?: string;
}) {
  const { t } = useTranslation();
  // `seq` starts the chosen panel afresh each time a route is chosen again.
  const [active, setActive] = useState<{ idNumber: string; route: 'pad' | 'paper'; seq: number } | null>(null);
  const choose = (idNumber: string, route: 'pad' | 'paper') => setActive((a) => ({ idNumber, route, seq: (a?.seq ?? 0) + 1 }));
  const signer = signers.find((s) => s.idNumber === active?.idNumber);
  const done = () => {
    setActive(null);
    onSigned();
  };

  if (signers.length === 0)
    return (
      <Card data-testid="step-authorization" title={title}>
        {t('intake.noSigners')}
      </Card>
    );
  return (
    <Card data-testid="step-authorization" title={title}>
      <Typography.Paragraph type="secondary">{t('intake.signHint')}</Typography.Paragraph>
      <SignerList
        signers={signers}
        authorizations={authorizations}
        active={active?.idNumber ?? null}
        onPad={(s) => choose(s.idNumber, 'pad')}
        onPaper={(s) => choose(s.idNumber, 'paper')}
      />
      {signer && active && (
        <div style={{ marginTop: 16 }}>
          <Typography.Title level={5}>
            {t('intake.signer')}：{signer.name}
            {active.route === 'paper' ? ` · ${t('intake.paper.route')}` : ''}
          </Typography.Title>
          {active.route === 'pad' ? (
            <PadPanel
              key={`pad-${signer.idNumber}-${active.seq}`}
              signer={signer}
              faceRequired={faceRequired}
              cardPhotoBmp={cardPhotos[signer.idNumber]}
              ensureSaved={ensureSaved}
              onSaved={done}
            />
          ) : (
            <PaperPanel
              key={`paper-${signer.idNumber}-${active.seq}`}
              signer={signer}
              faceRequired={faceRequired && paperFaceRequired}
              cardPhotoBmp={cardPhotos[signer.idNumber]}
              ensureSaved={ensureSaved}
              onSaved={done}
              onCancel={() => choose(signer.idNumber, 'pad')}
            />
          )}
        </div>
      )}
    </Card>
  );
}
