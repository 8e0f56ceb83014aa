import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TextSize } from './textSize';

/** The applicant's own controls, always in the same place: 大字 / 标准, and 信息有误 when something personal is shown. */
export function ScreenBar({
  size,
  onSize,
  onReport,
}: {
  size: TextSize;
  onSize: (size: TextSize) => void;
  onReport?: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Space wrap style={{ width: '100%', justifyContent: 'flex-end', marginBottom: 16 }} data-testid="applicant-bar">
      {onReport && (
        <Button size="large" danger onClick={onReport} data-testid="applicant-report">
          {t('applicant.report.button')}
        </Button>
      )}
      {(['standard', 'large'] as const).map((s) => (
        <Button
          key={s}
          size="large"
          type={size === s ? 'primary' : 'default'}
          aria-pressed={size === s}
          onClick={() => onSize(s)}
          data-testid={`text-size-${s}`}
        >
          {t(`applicant.textSize.${s}`)}
        </Button>
      ))}
    </Space>
  );
}
