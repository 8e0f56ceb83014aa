import { useEffect, useRef, useState } from 'react';
import { cameraErrorCode, type CameraErrorCode } from '../../../../common/capture/cameraErrors';
import type { CameraRole } from './deviceSettings';
import { constraintsFor } from './roleConstraints';

export type CameraStatus = 'idle' | 'opening' | 'live' | 'lost' | 'error';

export interface CameraStream {
  stream: MediaStream | null;
  status: CameraStatus;
  error: CameraErrorCode | 'CAPTURE_CAMERA_LOST' | null;
  /** What the camera actually delivers. */
  width: number;
  height: number;
}

/**
 * Open the role's camera while `enabled`; close it on unmount. A track that ends (unplugged)
 * turns the status to 'lost'; the next devicechange (replugged) opens it again by itself.
 */
export function useCameraStream(role: CameraRole, deviceId: string | null, enabled: boolean): CameraStream {
  const [state, setState] = useState<CameraStream>({ stream: null, status: 'idle', error: null, width: 0, height: 0 });
  const [attempt, setAttempt] = useState(0);
  const streamRef = useRef<MediaStream | null>(null);

  useEffect(() => {
    if (!enabled) {
      setState({ stream: null, status: 'idle', error: null, width: 0, height: 0 });
      return;
    }
    let cancelled = false;
    setState((s) => ({ ...s, status: 'opening', error: null }));
    const md = navigator.mediaDevices;
    if (!md?.getUserMedia) {
      setState({ stream: null, status: 'error', error: 'CAPTURE_NO_CAMERA', width: 0, height: 0 });
      return;
    }
    md.getUserMedia(constraintsFor(role, deviceId)).then(
      (stream) => {
        if (cancelled) {
          stream.getTracks().forEach((t) => t.stop());
          return;
        }
        streamRef.current = stream;
        const track = stream.getVideoTracks()[0];
        const settings = track?.getSettings() ?? {};
        track?.addEventListener('ended', () => {
          if (!cancelled) setState((s) => ({ ...s, stream: null, status: 'lost', error: 'CAPTURE_CAMERA_LOST' }));
        });
        setState({ stream, status: 'live', error: null, width: settings.width ?? 0, height: settings.height ?? 0 });
      },
      (error: unknown) => {
        if (cancelled) return;
        const e = error as { name?: string; constraint?: string };
        setState({ stream: null, status: 'error', error: cameraErrorCode(e.name ?? '', e.constraint), width: 0, height: 0 });
      },
    );
    return () => {
      cancelled = true;
      streamRef.current?.getTracks().forEach((t) => t.stop());
      streamRef.current = null;
    };
  }, [role, deviceId, enabled, attempt]);

  // Replug: retry a lost or failed camera whenever the device list changes.
  useEffect(() => {
    const md = navigator.mediaDevices;
    if (!md || !enabled || (state.status !== 'lost' && state.status !== 'error')) return;
    const retry = () => setAttempt((n) => n + 1);
    md.addEventListener('devicechange', retry);
    return () => md.removeEventListener('devicechange', retry);
  }, [enabled, state.status]);

  return state;
}
