import { useCallback, useEffect, useState } from 'react';
import type { VideoDevice } from './resolveDevice';

/**
 * The video inputs, kept current across unplug and replug (devicechange). Labels stay empty
 * until the page has camera permission, so `refresh(true)` opens and closes a camera once first.
 */
export function useVideoDevices() {
  const [devices, setDevices] = useState<VideoDevice[]>([]);
  const [loaded, setLoaded] = useState(false);

  const refresh = useCallback(async (askPermission = false) => {
    const md = navigator.mediaDevices;
    if (!md?.enumerateDevices) {
      setDevices([]);
      setLoaded(true);
      return;
    }
    let list = await md.enumerateDevices();
    if (askPermission && list.some((d) => d.kind === 'videoinput' && !d.label)) {
      try {
        const probe = await md.getUserMedia({ video: true, audio: false });
        probe.getTracks().forEach((t) => t.stop());
        list = await md.enumerateDevices();
      } catch {
        // The per-role stream reports the reason; the list stays as it is.
      }
    }
    setDevices(list.filter((d) => d.kind === 'videoinput').map((d, i) => ({ deviceId: d.deviceId, label: d.label || `#${i + 1}` })));
    setLoaded(true);
  }, []);

  useEffect(() => {
    void refresh(true);
    const md = navigator.mediaDevices;
    if (!md) return;
    const onChange = () => void refresh(false);
    md.addEventListener('devicechange', onChange);
    return () => md.removeEventListener('devicechange', onChange);
  }, [refresh]);

  return { devices, loaded, refresh };
}
