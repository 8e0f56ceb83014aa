import { Button, List, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../common/contract/index';
import { maskIdNumber } from '../../../../common/format/mask';
import { nextSigner, signerStatus, type SignerStatus } from './signerStatus';

export type Signer = MethodOutput<'cases.get'>['requiredSigners'][number];
export type AuthorizationView = MethodOutput<'cases.get'>['authorizations'][number];

/** The authorization on file for a signer (a draft keeps one per signer; after submission none is replaced). */
export const authorizationOf = (authorizations: readonly AuthorizationView[], idNumber: string): AuthorizationView | undefined =>
  authorizations.findLast((a) => a.signerIdNumber === idNumber);

const STATUS_COLOURS: Record<SignerStatus, string> = { waiting: 'orange', signed: 'green', faceReview: 'gold' };

/**
 * Everyone who must sign, each with where they stand and how they signed (签字板 / 纸质); the
 * clerk sends a signer to sign on the applicant's side (请签字, or 重签 to redo one in a draft), sends
 * the next one still waiting with one key, or takes the paper route for a signer who cannot sign on a pad.
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
  const next = nextSigner(signers, active);
  return (
    <>
      {next && (
        <Button type="primary" autoFocus onClick={() => onPad(next)} data-testid="sign-next" style={{ marginBottom: 8 }}>
          {t('intake.signing.next', { position: signers.indexOf(next) + 1, total: signers.length, name: next.name })}
        </Button>
      )}
      <List
        dataSource={[...signers]}
        renderItem={(s) => {
          const auth = authorizationOf(authorizations, s.idNumber);
          const status = signerStatus(s, auth);
          return (
            <List.Item
              data-testid={`signer-${s.idNumber}`}
              data-signed={s.signed}
              data-status={status}
              data-route={auth?.route ?? ''}
              style={active === s.idNumber ? { background: '#e6f4ff' } : undefined}
              actions={[
                <Button key="sign" onClick={() => onPad(s)} data-testid={`sign-${s.idNumber}`}>
                  {s.signed ? t('intake.signing.redo') : t('intake.signing.ask')}
                </Button>,
                <Button key="paper" onClick={() => onPaper(s)} data-testid={`paper-${s.idNumber}`}>
                  {t('intake.paper.start')}
                </Button>,
              ]}
            >
              <Space wrap>
                <strong>{s.name}</strong>
                <span>{maskIdNumber(s.idNumber)}</span>
                {s.role === 'supporter' && <Tag>{t('intake.supporters')}</Tag>}
                <Tag color={STATUS_COLOURS[status]} data-testid={`status-${s.idNumber}`}>
                  {t(`intake.signing.status.${status}`)}
                </Tag>
                {auth && (
                  <Tag color={auth.route === 'paper' ? 'purple' : 'blue'} data-testid={`route-${s.idNumber}`}>
                    {t(`intake.routes.${auth.route}`)}
                  </Tag>
                )}
                {auth?.amendment && <Tag data-testid={`amendment-${s.idNumber}`}>{t('intake.amendment', { n: auth.amendment })}</Tag>}
              </Space>
            </List.Item>
          );
        }}
      />
    </>
  );
}
