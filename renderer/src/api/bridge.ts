import type { JiuzhuBridge } from '../../../common/contract/bridge';
import { createBrowserBridge, takeToken } from './browserBridge';

let bridge: JiuzhuBridge | undefined;

/** The preload's bridge under Electron, or the HTTP/WebSocket one in the browser shell. */
export function getBridge(): JiuzhuBridge {
  if (bridge) return bridge;
  if (window.jiuzhu) return (bridge = window.jiuzhu);
  const token = takeToken(window.location, window.sessionStorage, window.history);
  bridge = createBrowserBridge(token ?? '', window.location.origin);
  return bridge;
}
