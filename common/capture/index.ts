export * from './base64';
export * from './compression';
export * from './documentKinds';
export * from './faceQuality';
export * from './faceVerdict';
export * from './schemas';
export * from './signature';
export * from './cameraErrors';
