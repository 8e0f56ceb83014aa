import type { JiuzhuBridge } from '../../common/contract/bridge';

declare global {
  interface Window {
    /** Present under Electron (the preload's bridge); absent in the browser shell. */
    jiuzhu?: JiuzhuBridge;
  }
}
