export * from './card';
export * from './nations';
export * from './portPath';
export * from './vendorLibraries';
