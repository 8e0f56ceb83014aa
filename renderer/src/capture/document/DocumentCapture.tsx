import { Alert, Button, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isPhotoKind, kindIsColour, MIN_PAGE_SSIM, PAGE_KINDS, type DocumentKind } from '../../../../common/capture/documentKinds';
import { toGray } from '../../../../common/capture/image/grayscale';
import { findPageQuad } from '../../../../common/capture/image/quad';
import type { Quad } from '../../../../common/capture/image/types';
import {
  documentCaptureSchema,
  type DocumentCapture as DocumentCaptureResult,
  type DocumentPage,
} from '../../../../common/capture/schemas';
import { CameraAlert } from '../camera/CameraAlert';
import { FeedHealthAlert } from '../camera/FeedHealthAlert';
import { useFeedHealth } from '../camera/useFeedHealth';
import { useCameraStream } from '../camera/useCameraStream';
import { grabImageData, VideoPreview } from '../camera/VideoPreview';
import { importImage, IMPORT_MAX_MB, IMPORT_TYPES, type ImportError } from './importFile';
import { PageTooLargeError, processPage } from './processPage';
import { PhotoTooLargeError } from './processPhoto';

export interface DocumentCaptureProps {
  /** The document camera's deviceId (null: the system's default camera). */
  deviceId: string | null;
  defaultKind?: DocumentKind;
  /** The kinds the clerk may choose from (default: the paper kinds; the visit dialog passes ['photo']). */
  kinds?: readonly DocumentKind[];
  onCaptured: (result: DocumentCaptureResult) => void;
}

/** Longer side of the frame the live edge finder looks at (a few ms per look). */
const LIVE_SIDE = 480;

/**
 * Document camera (高拍仪): live preview with the page outline found as the clerk positions the
 * paper; each shot is cropped, deskewed, compressed and measured; several pages make one document.
 */
export function DocumentCapture({ deviceId, defaultKind = 'incomeProof', kinds = PAGE_KINDS, onCaptured }: DocumentCaptureProps) {
  const { t } = useTranslation();
  const camera = useCameraStream('document', deviceId, true);
  const video = useRef<HTMLVideoElement | null>(null);
  const [kind, setKind] = useState<DocumentKind>(defaultKind);
  const [liveQuad, setLiveQuad] = useState<Quad | null>(null);
  const [pages, setPages] = useState<DocumentPage[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ code: string; params?: Record<string, number> } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  // A black or frozen feed: said in words, and the shoot button waits (file import still works).
  const feed = useFeedHealth(video, camera.status === 'live');
  const feedOk = feed.status === 'ok';
  // 现场照片: a scene, not a paper — no page outline, the whole frame is kept.
  const photo = isPhotoKind(kind);

  // Live edge finding on a small copy of the frame, a few times a second.
  useEffect(() => {
    setLiveQuad(null);
    if (camera.status !== 'live' || photo) return;
    const timer = window.setInterval(() => {
      const v = video.current;
      if (!v || v.readyState < 2 || v.videoWidth === 0) return;
      const small = grabImageData(v, LIVE_SIDE);
      const found = findPageQuad(toGray(small));
      const scale = v.videoWidth / small.width;
      setLiveQuad(found ? (found.quad.map((p) => ({ x: p.x * scale, y: p.y * scale })) as Quad) : null);
    }, 400);
    return () => window.clearInterval(timer);
  }, [camera.status, photo]);

  const addPage = async (frame: ImageData, source: 'camera' | 'file') => {
    setBusy(true);
    setError(null);
    try {
      const page = await processPage(frame, kind, pages.length, source);
      setPages((p) => [...p, page]);
    } catch (e) {
      setError({ code: e instanceof PageTooLargeError || e instanceof PhotoTooLargeError ? e.code : 'CAPTURE_FILE_CORRUPT' });
    } finally {
      setBusy(false);
    }
  };

  const shoot = () => {
    const v = video.current;
    if (!v || v.videoWidth === 0 || feed.current.current !== 'ok') return;
    void addPage(grabImageData(v), 'camera');
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const r = await importImage(file);
    if (!r.ok) {
      const e: ImportError = r.error;
      setError({ code: e.code, params: e.code === 'CAPTURE_FILE_TOO_LARGE' ? { mb: e.mb, max: IMPORT_MAX_MB } : {} });
      return;
    }
    await addPage(r.image, 'file');
  };

  const finish = () => {
    if (pages.length === 0) return setError({ code: 'noPages' });
    const result = documentCaptureSchema.parse({
      kind: 'document',
      documentKind: kind,
      capturedAt: new Date().toISOString(),
      pages: pages.map((p, i) => ({ ...p, index: i })),
    });
    onCaptured(result);
    setPages([]);
  };

  const w = camera.width || 640;
  const h = camera.height || 480;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <label htmlFor="document-kind">{t('capture.document.kind')}</label>
        <Select
          id="document-kind"
          data-testid="document-kind"
          value={kind}
          style={{ width: 200 }}
          onChange={(v: DocumentKind) => setKind(v)}
          disabled={pages.length > 0}
          options={kinds.map((k) => ({ value: k, label: t(`capture.document.kinds.${k}`) }))}
        />
        <Tag>{kindIsColour(kind) ? t('capture.document.colour') : t('capture.document.grey')}</Tag>
      </Space>
      <CameraAlert camera={camera} />
      {camera.status === 'live' ? <FeedHealthAlert status={feed.status} /> : null}
      <div style={{ maxWidth: 720 }}>
        <VideoPreview
          ref={video}
          stream={camera.stream}
          frameWidth={w}
          frameHeight={h}
          testId="document-video"
          overlay={
            liveQuad ? (
              <polygon
                points={liveQuad.map((p) => `${p.x},${p.y}`).join(' ')}
                fill="rgba(82,196,26,0.12)"
                stroke="#52c41a"
                strokeWidth={Math.max(3, w / 300)}
              />
            ) : null
          }
        />
      </div>
      {photo ? null : (
        <Typography.Text data-testid="document-live" data-found={liveQuad ? 'true' : 'false'} type={liveQuad ? 'success' : 'warning'}>
          {liveQuad ? t('capture.document.pageFound') : t('capture.document.pageNotFound')}
        </Typography.Text>
      )}
      <Space wrap>
        <Button type="primary" onClick={shoot} loading={busy} disabled={camera.status !== 'live' || !feedOk} data-testid="document-shoot">
          {photo ? t('capture.document.shootPhoto') : t('capture.document.shoot')}
        </Button>
        <Button onClick={() => fileInput.current?.click()} disabled={busy}>
          {t('capture.document.importFile')}
        </Button>
        <input
          ref={fileInput}
          type="file"
          hidden
          accept={IMPORT_TYPES.join(',')}
          data-testid="document-file"
          onChange={(e) => {
            void onFile(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        <Button onClick={finish} disabled={busy || pages.length === 0} data-testid="document-finish">
          {t('capture.document.finish')}
        </Button>
        <Typography.Text data-testid="document-page-count" data-count={pages.length}>
          {t('capture.document.pages', { count: pages.length })}
        </Typography.Text>
      </Space>
      {busy ? (
        <Alert type="info" showIcon title={photo ? t('capture.document.processingPhoto') : t('capture.document.processing')} />
      ) : null}
      {error ? (
        <Alert
          type="error"
          showIcon
          data-testid="document-error"
          data-code={error.code}
          title={
            error.code === 'noPages' ? t('capture.document.noPages') : t(`errors.${error.code as 'CAPTURE_FILE_TYPE'}`, error.params ?? {})
          }
        />
      ) : null}
      <Space wrap align="start">
        {pages.map((p, i) => (
          <PageCard key={i} page={p} n={i + 1} photo={photo} onRemove={() => setPages((all) => all.filter((_, j) => j !== i))} />
        ))}
      </Space>
    </Space>
  );
}

function PageCard({ page, n, photo, onRemove }: { page: DocumentPage; n: number; photo: boolean; onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <div
      data-testid="document-page"
      data-bytes={page.image.bytes}
      data-ssim={page.ssim}
      data-width={page.image.width}
      data-height={page.image.height}
      data-found={page.quad ? 'true' : 'false'}
      data-colour={page.colour ? 'true' : 'false'}
      style={{ width: 180 }}
    >
      <img
        src={`data:${page.thumbnail.mime};base64,${page.thumbnail.base64}`}
        alt={`${n}`}
        style={{ width: 160, border: '1px solid #ddd' }}
      />
      <Typography.Paragraph style={{ fontSize: 12, margin: 0 }}>
        {photo
          ? t('capture.document.photoInfo', {
              n,
              width: page.image.width,
              height: page.image.height,
              kb: (page.image.bytes / 1024).toFixed(0),
            })
          : t('capture.document.pageInfo', {
              n,
              width: page.image.width,
              height: page.image.height,
              kb: (page.image.bytes / 1024).toFixed(0),
              dpi: page.dpi,
              ssim: page.ssim.toFixed(3),
            })}
      </Typography.Paragraph>
      {!photo && page.ssim < MIN_PAGE_SSIM ? (
        <Typography.Text type="warning">{t('capture.document.lowLegibility', { ssim: page.ssim.toFixed(3) })}</Typography.Text>
      ) : null}
      {!photo && !page.quad ? <Typography.Text type="warning">{t('capture.document.pageNotFound')}</Typography.Text> : null}
      <Button size="small" onClick={onRemove}>
        {t('capture.document.removePage', { n })}
      </Button>
    </div>
  );
}
