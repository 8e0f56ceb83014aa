import { Alert, Button, Space, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  advanceGate,
  assessFace,
  DEFAULT_FACE_GATE,
  type FaceAssessment,
  type FaceGateConfig,
  type GateState,
} from '../../../../common/capture/faceQuality';
import { DEFAULT_FACE_DECISION, type FaceDecisionConfig } from '../../../../common/capture/faceVerdict';
import type { FaceCapture as FaceCaptureResult } from '../../../../common/capture/schemas';
import { CameraAlert } from '../camera/CameraAlert';
import { FeedHealthAlert } from '../camera/FeedHealthAlert';
import { useFeedHealth } from '../camera/useFeedHealth';
import { useCameraStream } from '../camera/useCameraStream';
import { FrameGrabber } from '../camera/frameGrabber';
import { VideoPreview } from '../camera/VideoPreview';
import { buildFaceCapture } from './buildFaceCapture';
import { FaceEngineError } from './faceEngine';
import { FaceGuide } from './FaceGuide';
import { FaceResultView } from './FaceResultView';
import { afterGateFailure, DEFAULT_GATE_RETRY } from './gateRetry';
import { ManualCaptureModal } from './ManualCaptureModal';
import type { FaceBox } from './protocol';
import { useFaceEngine } from './useFaceEngine';

export interface FaceCaptureProps {
  /** The face camera's deviceId (null: the system's default camera). */
  deviceId: string | null;
  /** Photo to match against: the card photo or the enrolled photo. Without it only liveness is judged. */
  referencePhoto?: Blob | null;
  gate?: Partial<FaceGateConfig>;
  decision?: Partial<FaceDecisionConfig>;
  /** Facing the applicant (the applicant screen): plain words only — no model or timing lines, no manual capture (the clerk's override). */
  forApplicant?: boolean;
  /**
   * A manual capture asked for from outside (the clerk's 手动拍摄, when the face is taken on the
   * applicant's side): taken once per request (`at`), with its reason, as soon as the camera can.
   */
  manual?: { reason: string; at: string } | null;
  onCaptured: (result: FaceCaptureResult) => void;
}

type Phase = 'running' | 'capturing' | 'done';
/** How long a capture-time refusal (more than one face) stays on screen before the gate judges again. */
const HOLD_MS = 3000;
type ReferenceState = 'none' | 'loading' | 'ready' | 'noFace';

/**
 * Live face capture: preview with a guide, a quality gate on every frame (in a worker), words the
 * applicant can read from a metre away, automatic capture after a run of good frames, manual
 * capture with a reason, then match + liveness shown as pass / review / fail.
 */
export function FaceCapture({
  deviceId,
  referencePhoto = null,
  gate: gateOverrides,
  decision: decisionOverrides,
  forApplicant = false,
  manual = null,
  onCaptured,
}: FaceCaptureProps) {
  const { t } = useTranslation();
  const gate = { ...DEFAULT_FACE_GATE, ...gateOverrides };
  const decision = { ...DEFAULT_FACE_DECISION, ...decisionOverrides };
  const { engine, state: engineState } = useFaceEngine();
  const camera = useCameraStream('face', deviceId, true);
  const video = useRef<HTMLVideoElement | null>(null);
  const [phase, setPhase] = useState<Phase>('running');
  const [assessment, setAssessment] = useState<FaceAssessment | null>(null);
  const [boxes, setBoxes] = useState<FaceBox[]>([]);
  const [frames, setFrames] = useState(0);
  const [ms, setMs] = useState(0);
  const [result, setResult] = useState<FaceCaptureResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [manualOpen, setManualOpen] = useState(false);
  const [reference, setReference] = useState<ReferenceState>('none');
  const gateState = useRef<GateState>({ streak: 0 });
  const held = useRef<{ assessment: FaceAssessment; until: number } | null>(null);
  const lastMetrics = useRef<unknown>(null);
  const busy = useRef(false);
  // One canvas for every frame this component sends to the worker.
  const grabber = useRef(new FrameGrabber());
  // A run of frames the gate could not judge: retried by itself (`retrying`), then left to the clerk (`stalled`).
  const [retrying, setRetrying] = useState<number | null>(null);
  const [stalled, setStalled] = useState(false);
  const [run, setRun] = useState(0);
  // A black or frozen feed (checked beside the gate), or one not yet seen to change, never fires the automatic capture.
  const feed = useFeedHealth(video, camera.status === 'live' && phase !== 'done');
  const settings = useRef({ gate, decision, onCaptured });
  settings.current = { gate, decision, onCaptured };

  const ready = engineState.status === 'ready';

  // The reference photo: described once, kept in the worker.
  useEffect(() => {
    const e = engine.current;
    if (!ready || !e) return;
    let live = true;
    if (!referencePhoto) {
      setReference('none');
      void e.setReference(null);
      return;
    }
    setReference('loading');
    createImageBitmap(referencePhoto)
      .then((bitmap) => e.setReference(bitmap))
      .then(
        (found) => live && setReference(found ? 'ready' : 'noFace'),
        () => live && setReference('noFace'),
      );
    return () => {
      live = false;
    };
  }, [ready, referencePhoto, engine]);

  const capture = useCallback(
    async (mode: 'auto' | 'manual', reason?: string) => {
      const e = engine.current;
      const v = video.current;
      if (!e || !v || engineState.status !== 'ready') return;
      setPhase('capturing');
      try {
        // Wait for an in-flight gate frame to finish; the worker takes one frame at a time.
        while (busy.current) await new Promise((r) => setTimeout(r, 10));
        busy.current = true;
        const analysis = await e.analyse(grabber.current.grab(v), true);
        busy.current = false;
        // The gate's 128 px detector can miss a small face in the background; Human's 256 px detector
        // on the captured frame has the last word on "exactly one face". Its verdict is held on screen
        // for a moment, and the gate starts over.
        if (mode === 'auto' && analysis.metrics.faceCount !== 1) {
          held.current = { assessment: assessFace(analysis.metrics, settings.current.gate), until: performance.now() + HOLD_MS };
          setAssessment(held.current.assessment);
          setBoxes(analysis.boxes);
          setPhase('running');
          return;
        }
        const built = buildFaceCapture(analysis, {
          mode,
          reason,
          gate: settings.current.gate,
          decision: settings.current.decision,
          engine: engineState,
        });
        setResult(built);
        setPhase('done');
        settings.current.onCaptured(built);
      } catch (err) {
        busy.current = false;
        console.error('face capture failed', err);
        setError(err instanceof FaceEngineError ? err.code : 'CAPTURE_DETECT_FAILED');
        setPhase('running');
      }
    },
    [engine, engineState],
  );

  // A manual capture asked for from outside: once per request, when the manual button could take it.
  const manualTaken = useRef<string | null>(null);
  const canShoot = ready && camera.status === 'live' && phase === 'running' && feed.status === 'ok';
  useEffect(() => {
    if (!manual || !canShoot || manualTaken.current === manual.at) return;
    manualTaken.current = manual.at;
    void capture('manual', manual.reason);
  }, [manual, canShoot, capture]);

  // The gate loop: one frame at a time through the worker while running. It waits while a reference
  // photo is being described, so an automatic capture is never taken without the match it needs.
  const referenceLoading = reference === 'loading';
  useEffect(() => {
    if (!ready || phase !== 'running' || camera.status !== 'live' || referenceLoading || stalled) return;
    let stopped = false;
    let failures = 0;
    gateState.current = { streak: 0 };
    const loop = async () => {
      while (!stopped) {
        const v = video.current;
        const e = engine.current;
        if (!v || !e || v.readyState < 2 || v.videoWidth === 0) {
          await new Promise((r) => setTimeout(r, 50));
          continue;
        }
        busy.current = true;
        try {
          const analysis = await e.analyse(grabber.current.grab(v), false);
          if (stopped) break;
          if (failures > 0) {
            failures = 0;
            setRetrying(null);
            setError(null);
          }
          const hold = held.current && performance.now() < held.current.until ? held.current : null;
          const a = hold ? hold.assessment : assessFace(analysis.metrics, settings.current.gate);
          lastMetrics.current = analysis.metrics;
          const feedOk = feed.current.current === 'ok' && feed.changing.current && !hold;
          const step = feedOk ? advanceGate(gateState.current, a, settings.current.gate) : { state: { streak: 0 }, fire: false };
          gateState.current = step.state;
          setAssessment(a);
          setBoxes(analysis.boxes);
          setMs(Math.round(analysis.ms));
          setFrames((n) => n + 1);
          if (step.fire) {
            busy.current = false;
            void capture('auto');
            break;
          }
        } catch (err) {
          if (stopped) break;
          failures += 1;
          const next = afterGateFailure(failures);
          console.warn('face gate frame failed', { failures, next: next.action }, err);
          busy.current = false;
          if (next.action === 'stop') {
            setRetrying(null);
            setError(err instanceof FaceEngineError ? err.code : 'CAPTURE_DETECT_FAILED');
            setStalled(true);
            break;
          }
          setRetrying(next.attempt);
          await new Promise((r) => setTimeout(r, next.delayMs));
          continue;
        } finally {
          busy.current = false;
        }
        // Yield to the UI between frames.
        await new Promise((r) => setTimeout(r, 0));
      }
    };
    void loop();
    return () => {
      stopped = true;
    };
  }, [ready, phase, camera.status, referenceLoading, stalled, run, engine, capture]);

  const retryGate = () => {
    setError(null);
    setStalled(false);
    setRetrying(null);
    setRun((n) => n + 1);
  };

  const retake = () => {
    setResult(null);
    setError(null);
    setStalled(false);
    setAssessment(null);
    setPhase('running');
  };

  const instruction =
    phase === 'capturing'
      ? t('capture.face.analysing')
      : assessment?.ok
        ? t('capture.face.holdStill')
        : assessment?.primary
          ? t(`capture.face.issue.${assessment.primary}`)
          : '';

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      {engineState.status === 'loading' ? (
        <Alert type="info" showIcon title={t('capture.face.loading')} data-testid="face-engine" data-status="loading" />
      ) : null}
      {engineState.status === 'ready' && !forApplicant ? (
        <Typography.Text type="secondary" data-testid="face-engine" data-status="ready" data-backend={engineState.backend}>
          {t('capture.face.ready', { backend: t(`capture.face.backend.${engineState.backend}`), ms: engineState.ms })}
        </Typography.Text>
      ) : null}
      {engineState.status === 'ready' && engineState.failed.length > 0 && !forApplicant ? (
        <Alert
          type="warning"
          showIcon
          data-testid="face-backend-fallback"
          data-failed={engineState.failed.map((f) => f.backend).join(' ')}
          title={t('capture.face.fallback', {
            failed: engineState.failed.map((f) => t(`capture.face.backend.${f.backend}`)).join('、'),
            backend: t(`capture.face.backend.${engineState.backend}`),
          })}
        />
      ) : null}
      {engineState.status === 'error' ? (
        <Alert type="error" showIcon title={t(`errors.${engineState.code}`)} data-testid="face-engine" data-status="error" />
      ) : null}
      {error ? (
        <Alert
          type="error"
          showIcon
          title={t(`errors.${error as 'CAPTURE_DETECT_FAILED'}`)}
          data-testid="face-error"
          action={
            stalled ? (
              <Button type="primary" onClick={retryGate} data-testid="face-retry">
                {t('capture.face.retry')}
              </Button>
            ) : undefined
          }
        />
      ) : null}
      {retrying !== null ? (
        <Alert
          type="warning"
          showIcon
          title={t('capture.face.retrying', { attempt: retrying, max: DEFAULT_GATE_RETRY.maxFailures - 1 })}
          data-testid="face-retry-status"
          data-attempt={retrying}
        />
      ) : null}
      <CameraAlert camera={camera} />
      {camera.status === 'live' ? <FeedHealthAlert status={feed.status} /> : null}
      <ReferenceLine state={reference} />
      {/* The preview stays mounted after a capture, so a retake resumes at once. */}
      {/* At most 60 % of the window's height, so the preview and its words fit beside the signature on a 1366×768 screen. */}
      <div
        style={{
          position: 'relative',
          maxWidth: phase === 'done' ? 360 : `min(720px, calc(60vh * ${camera.width || 640} / ${camera.height || 480}))`,
        }}
      >
        <VideoPreview
          ref={video}
          stream={camera.stream}
          frameWidth={camera.width || 640}
          frameHeight={camera.height || 480}
          mirrored
          testId="face-video"
          overlay={<FaceGuide width={camera.width || 640} height={camera.height || 480} boxes={boxes} ok={assessment?.ok ?? false} />}
        />
        <div
          data-testid="face-instruction"
          data-issue={assessment?.primary ?? (assessment?.ok ? 'ok' : '')}
          data-frames={frames}
          data-feed={feed.status}
          data-metrics={assessment ? JSON.stringify(lastMetrics.current) : undefined}
          role="status"
          aria-live="polite"
          style={{
            position: 'absolute',
            left: 0,
            right: 0,
            bottom: 16,
            textAlign: 'center',
            fontSize: 44,
            fontWeight: 700,
            color: assessment?.ok ? '#52c41a' : '#fff',
            textShadow: '0 2px 6px #000',
          }}
        >
          {phase === 'done' ? '' : instruction}
        </div>
      </div>
      <Space>
        {phase === 'done' ? (
          <Button type="primary" onClick={retake} data-testid="face-retake">
            {t('capture.face.retake')}
          </Button>
        ) : forApplicant ? null : (
          <Button
            onClick={() => setManualOpen(true)}
            disabled={!ready || camera.status !== 'live' || phase !== 'running' || feed.status !== 'ok'}
            data-testid="face-manual"
          >
            {t('capture.face.manual')}
          </Button>
        )}
        {ms && !forApplicant ? (
          <Typography.Text type="secondary" data-testid="face-ms" data-ms={ms}>
            {t('capture.face.frameMs', { ms })}
          </Typography.Text>
        ) : null}
      </Space>
      {result ? <FaceResultView result={result} /> : null}
      <ManualCaptureModal
        open={manualOpen}
        onCancel={() => setManualOpen(false)}
        onConfirm={(reason) => {
          setManualOpen(false);
          void capture('manual', reason);
        }}
      />
    </Space>
  );
}

function ReferenceLine({ state }: { state: ReferenceState }) {
  const { t } = useTranslation();
  const text = {
    none: t('capture.face.referenceNone'),
    loading: t('capture.face.loading'),
    ready: t('capture.face.referenceReady'),
    noFace: t('capture.face.referenceNoFace'),
  }[state];
  return (
    <Typography.Text type={state === 'noFace' ? 'warning' : 'secondary'} data-testid="face-reference" data-state={state}>
      {text}
    </Typography.Text>
  );
}
