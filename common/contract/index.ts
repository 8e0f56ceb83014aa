import './zodLocale';
export * from './define';
export * from './envelope';
export * from './errors';
export * from './events';
export * from './permissions';
export * from './registry';
export * from './methods/app';
export * from './bridge';
