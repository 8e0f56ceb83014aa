import { Button, List, Space, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { maskIdNumber } from '../../../common/format/mask';
import { nextSigner, type SignerStatus } from './signerStatus';

export interface ListedSigner {
  idNumber: string;
  name: string;
  role: 'member' | 'supporter';
  signed: boolean;
  status: SignerStatus;
  /** How the signature on file was given, where a caller tells (签字板 'pad' / 纸质 'paper'). */
  route?: string | undefined;
}

const STATUS_COLOURS: Record<SignerStatus, string> = { waiting: 'orange', signed: 'green', faceReview: 'gold' };

/**
 * The clerk's side of every signing (the intake's 授权书, its 补签 on the case page, the review's
 * re-signing): everyone who must sign with where they stand (等待签字 / 已签 / 人脸待复核), the next
 * one still waiting sent with one key (请第 n/N 位签字人签字), and 请签字 / 重签 per signer. A caller
 * adds its own actions (the paper route) and tags (how it was signed).
 */
export function SignerStatusList<S extends ListedSigner>({
  signers,
  active,
  onSign,
  actions,
  tags,
  focusNext = true,
}: {
  signers: readonly S[];
  active: string | null;
  onSign: (signer: S) => void;
  actions?: (signer: S) => ReactNode[];
  tags?: (signer: S) => ReactNode;
  /** The next-signer button takes the focus (the intake's step); off where the page has other work first (the review). */
  focusNext?: boolean;
}) {
  const { t } = useTranslation();
  const next = nextSigner(signers, active);
  return (
    <>
      {next && (
        <Button type="primary" autoFocus={focusNext} onClick={() => onSign(next)} data-testid="sign-next" style={{ marginBottom: 8 }}>
          {t('intake.signing.next', { position: signers.indexOf(next) + 1, total: signers.length, name: next.name })}
        </Button>
      )}
      <List
        dataSource={[...signers]}
        renderItem={(s) => (
          <List.Item
            data-testid={`signer-${s.idNumber}`}
            data-signed={s.signed}
            data-status={s.status}
            data-route={s.route ?? ''}
            style={active === s.idNumber ? { background: '#e6f4ff' } : undefined}
            actions={[
              <Button key="sign" onClick={() => onSign(s)} data-testid={`sign-${s.idNumber}`}>
                {s.signed ? t('intake.signing.redo') : t('intake.signing.ask')}
              </Button>,
              ...(actions?.(s) ?? []),
            ]}
          >
            <Space wrap>
              <strong>{s.name}</strong>
              <span>{maskIdNumber(s.idNumber)}</span>
              {s.role === 'supporter' && <Tag>{t('intake.supporters')}</Tag>}
              <Tag color={STATUS_COLOURS[s.status]} data-testid={`status-${s.idNumber}`}>
                {t(`intake.signing.status.${s.status}`)}
              </Tag>
              {tags?.(s)}
            </Space>
          </List.Item>
        )}
      />
    </>
  );
}
