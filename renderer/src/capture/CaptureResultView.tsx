import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaptureResult } from '../../../common/capture/schemas';

/** A summary of the last result (bytes left out) and its main image, for the device test page. */
export function summarise(result: CaptureResult): unknown {
  return JSON.parse(JSON.stringify(result, (key, value: unknown) => (key === 'base64' ? `(${String(value).length} chars)` : value)));
}

function mainImage(result: CaptureResult): { mime: string; base64: string } {
  if (result.kind === 'face') return result.image;
  if (result.kind === 'signature') return result.png;
  return result.pages[0]!.image;
}

export function CaptureResultView({ result }: { result: CaptureResult | null }) {
  const { t } = useTranslation();
  if (!result) return <Typography.Text type="secondary">{t('capture.result.none')}</Typography.Text>;
  const image = mainImage(result);
  return (
    <Card size="small" title={t('capture.result.title')} data-testid="capture-result" data-kind={result.kind}>
      <img
        data-testid="capture-result-image"
        src={`data:${image.mime};base64,${image.base64}`}
        alt={t('capture.result.title')}
        style={{ maxWidth: 320, maxHeight: 320, border: '1px solid #eee' }}
      />
      <pre data-testid="capture-result-json" style={{ maxHeight: 320, overflow: 'auto', fontSize: 12 }}>
        {JSON.stringify(summarise(result), null, 2)}
      </pre>
    </Card>
  );
}
