export * from '../generated/client';
export * from './describe-connection-error';
export * from './embedded-postgres';
export * from './migrations-dir';
export * from './migrator';
export * from './prisma-client';
