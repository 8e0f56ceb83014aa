export * from './card';
export * from './nations';
