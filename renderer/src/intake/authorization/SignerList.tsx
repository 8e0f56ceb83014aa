import { Button, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../common/contract/index';
import { SignerStatusList } from '../../applicant/SignerStatusList';
import { signerStatus } from './signerStatus';

export type Signer = MethodOutput<'cases.get'>['requiredSigners'][number];
export type AuthorizationView = MethodOutput<'cases.get'>['authorizations'][number];

/** The authorization on file for a signer (a draft keeps one per signer; after submission none is replaced). */
export const authorizationOf = (authorizations: readonly AuthorizationView[], idNumber: string): AuthorizationView | undefined =>
  authorizations.findLast((a) => a.signerIdNumber === idNumber);

/**
 * Everyone who must sign the intake's 授权书 (the shared status list, applicant/SignerStatusList.tsx),
 * with how each signed (签字板 / 纸质, 补充 #n) and the paper route for a signer who cannot sign on a pad.
 */
export function SignerList({
  signers,
  authorizations,
  active,
  onPad,
  onPaper,
}: {
  signers: readonly Signer[];
  authorizations: readonly AuthorizationView[];
  active: string | null;
  onPad: (signer: Signer) => void;
  onPaper: (signer: Signer) => void;
}) {
  const { t } = useTranslation();
  const rows = signers.map((s) => {
    const auth = authorizationOf(authorizations, s.idNumber);
    return { ...s, status: signerStatus(s, auth), route: auth?.route, signer: s };
  });
  return (
    <SignerStatusList
      signers={rows}
      active={active}
      onSign={(r) => onPad(r.signer)}
      actions={(r) => [
        <Button key="paper" onClick={() => onPaper(r.signer)} data-testid={`paper-${r.idNumber}`}>
          {t('intake.paper.start')}
        </Button>,
      ]}
      tags={(r) => {
        const auth = authorizationOf(authorizations, r.idNumber);
        return auth ? (
          <>
            <Tag color={auth.route === 'paper' ? 'purple' : 'blue'} data-testid={`route-${r.idNumber}`}>
              {t(`intake.routes.${auth.route}`)}
            </Tag>
            {auth.amendment && <Tag data-testid={`amendment-${r.idNumber}`}>{t('intake.amendment', { n: auth.amendment })}</Tag>}
          </>
        ) : null;
      }}
    />
  );
}
