/** What other features use of capture: the camera assignments, the three capture components and the manual face capture's reason dialog. */
export { localDeviceSettings } from './camera/deviceSettings';
export { resolveDevice } from './camera/resolveDevice';
export { useVideoDevices } from './camera/useVideoDevices';
export { DocumentCapture } from './document/DocumentCapture';
export { FaceCapture } from './face/FaceCapture';
export { ManualCaptureModal } from './face/ManualCaptureModal';
export { SignaturePad } from './signature/SignaturePad';
