export * from './canonical-urls';
export * from './matcher';
export * from './registry';
export * from './value-sets';
