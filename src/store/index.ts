export { openStore, isPostgresUrl, type Store, type StoreDialect, type OpenStoreOptions } from './open-store.js';
export * from './pages-repository.js';
export * from './snapshots-repository.js';
export * from './audit-runs-repository.js';
export * from './sites-repository.js';
export type { Database } from './schema.js';
export * from './medium-repository.js';
export * from './prospects-repository.js';
export * from './discovery-runs-repository.js';
