import { Alert, Button, Space, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { bytesToBase64 } from '../../../../common/capture/base64';
import { checkSignature, effectivePressure, type SignatureProblem, type Stroke } from '../../../../common/capture/signature';
import { signatureCaptureSchema, type SignatureCapture } from '../../../../common/capture/schemas';
import { sha256Hex } from '../../../../common/capture/signatureBinding';
import { drawStrokes } from './drawStrokes';

export interface SignaturePadProps {
  /** Who signs (shown and recorded), and the SHA-256 of what they sign, when known. */
  signer?: string;
  documentHash?: string;
  /** Pad size in CSS pixels. */
  width?: number;
  height?: number;
  /** Resolution of the exported PNG (CSS px are 1/96 in). */
  dpi?: number;
  /** Show the document's digest under the pad (the clerk's check); the applicant screen shows the text itself instead. */
  showDocumentHash?: boolean;
  onCaptured: (result: SignatureCapture) => void;
}

/**
 * On-screen signature pad: pointer events (mouse, finger, pen with pressure), smoothed ink,
 * undo and clear; refuses an empty or too-short signature; exports a transparent PNG at `dpi`
 * with the raw stroke points (x, y, pressure, ms).
 */
export function SignaturePad({
  signer,
  documentHash,
  width = 640,
  height = 240,
  dpi = 200,
  showDocumentHash = true,
  onCaptured,
}: SignaturePadProps) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [strokes, setStrokes] = useState<Stroke[]>([]);
  const current = useRef<Stroke | null>(null);
  const started = useRef<number | null>(null);
  const pointerType = useRef('mouse');
  const [problem, setProblem] = useState<SignatureProblem | null>(null);
  const [done, setDone] = useState<number | null>(null);

  const redraw = useCallback(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    ctx.clearRect(0, 0, c.width, c.height);
    drawStrokes(ctx, current.current ? [...strokes, current.current] : strokes, c.width / width);
  }, [strokes, width]);

  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    const ratio = window.devicePixelRatio || 1;
    c.width = Math.round(width * ratio);
    c.height = Math.round(height * ratio);
    redraw();
  }, [width, height, redraw]);

  const point = (e: ReactPointerEvent<HTMLCanvasElement> | PointerEvent) => {
    const rect = canvas.current!.getBoundingClientRect();
    if (started.current === null) started.current = e.timeStamp;
    return {
      x: ((e.clientX - rect.left) * width) / rect.width,
      y: ((e.clientY - rect.top) * height) / rect.height,
      pressure: effectivePressure(e.pointerType, e.pressure),
      t: Math.max(0, Math.round(e.timeStamp - started.current)),
    };
  };

  const onDown = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    pointerType.current = e.pointerType;
    current.current = [point(e)];
    setProblem(null);
    setDone(null);
    redraw();
  };
  const onMove = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    if (!current.current) return;
    const events = e.nativeEvent.getCoalescedEvents?.() ?? [];
    for (const ev of events.length ? events : [e.nativeEvent]) current.current.push(point(ev));
    redraw();
  };
  const onUp = () => {
    if (!current.current) return;
    const stroke = current.current;
    current.current = null;
    setStrokes((s) => [...s, stroke]);
  };

  const exportPng = async (): Promise<{ bytes: Uint8Array; width: number; height: number }> => {
    const scale = dpi / 96;
    const out = document.createElement('canvas');
    out.width = Math.round(width * scale);
    out.height = Math.round(height * scale);
    const ctx = out.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    drawStrokes(ctx, strokes, scale);
    const blob = await new Promise<Blob>((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('png'))), 'image/png'));
    return { bytes: new Uint8Array(await blob.arrayBuffer()), width: out.width, height: out.height };
  };

  const confirm = async () => {
    const p = checkSignature(strokes);
    setProblem(p);
    if (p) return;
    const png = await exportPng();
    // Bound to signer, document (its hash) and time; the PNG's own hash closes the loop.
    const result = signatureCaptureSchema.parse({
      kind: 'signature',
      capturedAt: new Date().toISOString(),
      ...(signer ? { signer } : {}),
      ...(documentHash ? { documentHash } : {}),
      pngSha256: await sha256Hex(png.bytes),
      png: { mime: 'image/png', base64: bytesToBase64(png.bytes), bytes: png.bytes.length, width: png.width, height: png.height },
      dpi,
      pad: { width, height },
      pointerType: pointerType.current,
      strokes,
    });
    setDone(strokes.length);
    onCaptured(result);
  };

  return (
    <Space orientation="vertical" size="middle">
      {signer ? <Typography.Title level={4}>{signer}</Typography.Title> : null}
      <Typography.Text type="secondary">{t('capture.signature.hint')}</Typography.Text>
      {documentHash && showDocumentHash ? (
        <Typography.Text type="secondary" data-testid="signature-document-hash" data-hash={documentHash} style={{ fontSize: 12 }}>
          {t('capture.signature.documentHash', { hash: `${documentHash.slice(0, 16)}…` })}
        </Typography.Text>
      ) : null}
      <canvas
        ref={canvas}
        data-testid="signature-canvas"
        data-strokes={strokes.length}
        aria-label={t('capture.signature.hint')}
        onPointerDown={onDown}
        onPointerMove={onMove}
        onPointerUp={onUp}
        onPointerCancel={onUp}
        style={{ width, height, border: '2px dashed #999', borderRadius: 8, background: '#fff', touchAction: 'none', cursor: 'crosshair' }}
      />
      <Space>
        <Button onClick={() => setStrokes((s) => s.slice(0, -1))} disabled={strokes.length === 0} data-testid="signature-undo">
          {t('capture.signature.undo')}
        </Button>
        <Button
          onClick={() => {
            setStrokes([]);
            setProblem(null);
            setDone(null);
          }}
          disabled={strokes.length === 0}
          data-testid="signature-clear"
        >
          {t('capture.signature.clear')}
        </Button>
        <Button type="primary" onClick={() => void confirm()} data-testid="signature-done">
          {t('capture.signature.done')}
        </Button>
      </Space>
      {problem ? (
        <Alert type="error" showIcon data-testid="signature-problem" data-problem={problem} title={t(`capture.signature.${problem}`)} />
      ) : null}
      {done !== null ? (
        <Alert type="success" showIcon data-testid="signature-saved" title={t('capture.signature.saved', { strokes: done })} />
      ) : null}
    </Space>
  );
}
