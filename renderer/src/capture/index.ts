/** What other features use of capture: the camera assignments, the three capture components, the manual face capture's reason dialog and the camera stream, preview and frame grab (the certificate check scans with them). */
export { localDeviceSettings } from './camera/deviceSettings';
export { resolveDevice } from './camera/resolveDevice';
export { useVideoDevices } from './camera/useVideoDevices';
export { DocumentCapture } from './document/DocumentCapture';
export { FaceCapture } from './face/FaceCapture';
export { ManualCaptureModal } from './face/ManualCaptureModal';
export { SignaturePad } from './signature/SignaturePad';
export { useCameraStream } from './camera/useCameraStream';
export { grabImageData, VideoPreview } from './camera/VideoPreview';
export { CameraAlert } from './camera/CameraAlert';
