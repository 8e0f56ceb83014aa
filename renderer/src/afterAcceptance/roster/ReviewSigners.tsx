import { Card, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApplicantReports, ScreenPairButton, SignerStatusList, signerStatusOf } from '../../applicant/index';
import type { ReviewViewData } from './ReviewDrawer';
import { ReviewSignerPanel } from './ReviewSignerPanel';

type Review = NonNullable<ReviewViewData['review']>;

/**
 * Step 2: every adult member re-signs the authorization, each on the applicant's side in the same
 * signing view as the intake's (the paired applicant screen, or this screen turned to the signer),
 * with the same status list (等待签字 / 已签 / 人脸待复核, the next signer, 重签) and 信息有误 shown here.
 */
export function ReviewSigners({ view, review, onSigned }: { view: ReviewViewData; review: Review; onSigned: (v: ReviewViewData) => void }) {
  const { t } = useTranslation();
  // `seq` starts the signer's panel afresh each time the clerk sends them again.
  const [active, setActive] = useState<{ idNumber: string; seq: number } | null>(null);
  const signer = view.signers.find((s) => s.idNumber === active?.idNumber);
  const rows = view.signers.map((s) => ({ ...s, status: signerStatusOf(s.signed, s.faceVerdict) }));
  const choose = (idNumber: string) => setActive((a) => ({ idNumber, seq: (a?.seq ?? 0) + 1 }));
  return (
    <Card size="small" title={t('reviews.steps.sign')} extra={<ScreenPairButton />} data-testid="review-signers">
      <Typography.Paragraph type="secondary">{t('reviews.sign.hint')}</Typography.Paragraph>
      <SignerStatusList signers={rows} active={active?.idNumber ?? null} focusNext={false} onSign={(s) => choose(s.idNumber)} />
      {signer && active && (
        <ReviewSignerPanel
          key={`${signer.idNumber}-${active.seq}`}
          view={view}
          review={review}
          signer={signer}
          onSigned={(v) => {
            setActive(null);
            onSigned(v);
          }}
        />
      )}
      <ApplicantReports />
    </Card>
  );
}
