import { Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { translate } from '../../../common/i18n/translate';
import { drawPage, openPdf } from './pdf';

/** The PDF as the applicant will get it: every page drawn by pdf.js, scaled to the dialog's width. */
export function PdfPreview({ pdf }: { pdf: Uint8Array }) {
  const host = useRef<HTMLDivElement>(null);
  const [pages, setPages] = useState<number | null>(null);

  useEffect(() => {
    let cancelled = false;
    const el = host.current;
    void (async () => {
      const doc = await openPdf(pdf.slice());
      if (cancelled) return void doc.destroy();
      el?.replaceChildren();
      for (let i = 1; i <= doc.numPages && !cancelled; i++) {
        const canvas = await drawPage(doc, i, 110);
        canvas.style.width = '100%';
        canvas.style.boxShadow = '0 1px 4px rgba(0,0,0,.25)';
        canvas.style.marginBottom = '12px';
        canvas.dataset.page = String(i);
        el?.appendChild(canvas);
      }
      setPages(doc.numPages);
      await doc.destroy();
    })();
    return () => {
      cancelled = true;
    };
  }, [pdf]);

  return (
    <div data-testid="pdf-preview">
      {pages === null ? (
        <Spin tip={translate('documents.ui.rendering')} />
      ) : (
        <Typography.Text type="secondary">{translate('documents.ui.pages', { pages })}</Typography.Text>
      )}
      <div ref={host} style={{ background: '#f0f0f0', padding: 12, maxHeight: '70vh', overflow: 'auto' }} />
    </div>
  );
}
