export * from './event-store.port';
export { EsdbEventStore } from './esdb-event-store';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite-event-store';
