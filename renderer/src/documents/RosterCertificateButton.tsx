import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMayCall } from '../components/useMayCall';
import { CertificateIssueModal } from './CertificateIssueModal';

/** 出具救助证明 from a roster row: the household's case is what core fills the certificate from. */
export function RosterCertificateButton({ caseId, active }: { caseId: string; active: boolean }) {
  const { t } = useTranslation();
  const may = useMayCall();
  const [open, setOpen] = useState(false);
  if (!active || !may('certificate.issue')) return null;
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid="roster-certificate">
        {t('docScreens.caseDocs.issueCertificate')}
      </Button>
      {open && <CertificateIssueModal caseId={caseId} open={open} onClose={() => setOpen(false)} />}
    </>
  );
}
