export * from './primitives';
export * from './errors';
export * from './registration';
export * from './envelope';
export * from './push';
export * from './session';
export * from './pull';
export * from './blobs';
