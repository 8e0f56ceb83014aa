import { Button, List, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../common/contract/index';
import { maskIdNumber } from '../../../../common/format/mask';

export type Signer = MethodOutput<'cases.get'>['requiredSigners'][number];
export type AuthorizationView = MethodOutput<'cases.get'>['authorizations'][number];

/** The authorization on file for a signer (a draft keeps one per signer; after submission none is replaced). */
export const authorizationOf = (authorizations: readonly AuthorizationView[], idNumber: string): AuthorizationView | undefined =>
  authorizations.findLast((a) => a.signerIdNumber === idNumber);

/**
 * Everyone who must sign, each with how they signed (签字板 / 纸质) or that they have not, and the
 * two ways to sign: on the pad, or on the printed 授权书 (the paper route).
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
  return (
    <List
      dataSource={[...signers]}
      renderItem={(s) => {
        const auth = authorizationOf(authorizations, s.idNumber);
        return (
          <List.Item
            data-testid={`signer-${s.idNumber}`}
            data-signed={s.signed}
            data-route={auth?.route ?? ''}
            style={active === s.idNumber ? { background: '#e6f4ff' } : undefined}
            actions={[
              <Button key="sign" onClick={() => onPad(s)} data-testid={`sign-${s.idNumber}`}>
                {t('intake.sign')}
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
              {s.signed ? <Tag color="green">{t('intake.signed')}</Tag> : <Tag color="orange">{t('intake.unsigned')}</Tag>}
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
  );
}
