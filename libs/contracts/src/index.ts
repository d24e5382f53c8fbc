export * from './auth.contract';
export * from './error-body.contract';
export * from './headers';
export * from './http-url';
export * from './integration.contract';
export * from './json-schema';
export * from './overview.contract';
export * from './probe-result.contract';
