/** What other features use of capture: the camera assignments and the three capture components. */
export { localDeviceSettings } from './camera/deviceSettings';
export { resolveDevice } from './camera/resolveDevice';
export { useVideoDevices } from './camera/useVideoDevices';
export { DocumentCapture } from './document/DocumentCapture';
export { FaceCapture } from './face/FaceCapture';
export { SignaturePad } from './signature/SignaturePad';
