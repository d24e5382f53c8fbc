export * from './categories';
export * from './status';
export * from './troubleshooting';
