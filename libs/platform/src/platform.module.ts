import { Global, Module, type DynamicModule } from '@nestjs/common';
import { AggregateStore } from '@app/event-store/aggregate-store';
import { EVENT_CODEC } from '@app/event-store/event-codec';
import { LiveStreamCache } from '@app/event-store/live-stream-cache';
import { EVENT_STORE } from '@app/event-store/event-store.port';
import { READ_STORE } from '@app/read-store/read-store.port';
import { APP_CONFIG, type AppConfig } from './config/config';
import { SECRETS, type Secrets } from './config/secrets';
import { SecretHasher } from './credentials/secret-hasher';
import { DATA_KEY_STORE } from './data-keys/data-key-store.port';
import { DataKeyRing } from './personal-data/data-key-ring';
import { EmailSalts } from './personal-data/email-salts';
import { PersonalDataCodec } from './personal-data/personal-data.codec';
import type { Storage } from './storage/storage';
import { observeCredentialCacheLookup, setSubscriptionState } from './metrics/metrics';
import { ATTEMPT_STORE } from './throttling/attempt-store.port';

/**
 * Configuration, secrets and opened storage, shared by every module of an app. Storage is
 * opened before Nest starts so that a bad connection fails the process with a clear error.
 */
/** The credential cache; it also drops a deleted account's data key from this process at once. */
function credentialCache(
  storage: Storage,
  aggregates: AggregateStore,
  keyRing: DataKeyRing,
): LiveStreamCache {
  const cache = new LiveStreamCache(storage.eventStore, aggregates);
  cache.observe({
    lookup: observeCredentialCacheLookup,
    status: (status) => setSubscriptionState('credential_cache', status),
  });
  cache.onEvent((event) => {
    if (event.type === 'AccountDeleted') keyRing.forget(String(event.data.userId));
  });
  return cache;
}

@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig, secrets: Secrets, storage: Storage): DynamicModule {
    const keyRing = new DataKeyRing(storage.dataKeys, secrets.masterKey);
    const codec = new PersonalDataCodec(keyRing);
    const aggregates = new AggregateStore(storage.eventStore, codec);
    const providers = [
      { provide: APP_CONFIG, useValue: config },
      { provide: SECRETS, useValue: secrets },
      { provide: EVENT_STORE, useValue: storage.eventStore },
      { provide: READ_STORE, useValue: storage.readStore },
      { provide: DATA_KEY_STORE, useValue: storage.dataKeys },
      { provide: ATTEMPT_STORE, useValue: storage.attempts },
      { provide: DataKeyRing, useValue: keyRing },
      { provide: EVENT_CODEC, useValue: codec },
      { provide: AggregateStore, useValue: aggregates },
      { provide: LiveStreamCache, useValue: credentialCache(storage, aggregates, keyRing) },
      { provide: SecretHasher, useValue: new SecretHasher(secrets.pepper) },
      { provide: EmailSalts, useValue: new EmailSalts(storage.dataKeys) },
    ];
    return { module: PlatformModule, providers, exports: providers.map((p) => p.provide) };
  }
}
