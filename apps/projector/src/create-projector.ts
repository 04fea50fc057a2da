import { Logger } from '@nestjs/common';
import { AggregateStore } from '@app/event-store/aggregate-store';
import { LogSealer } from '@app/event-store/log-sealer';
import type { AppConfig } from '@app/platform/config/config';
import { loadSecrets } from '@app/platform/config/secrets';
import { DataKeyRing } from '@app/platform/personal-data/data-key-ring';
import { EmailSalts } from '@app/platform/personal-data/email-salts';
import { PersonalDataCodec } from '@app/platform/personal-data/personal-data.codec';
import { openStorage, type Storage } from '@app/platform/storage/storage';
import { trackProjection } from '@app/platform/metrics/metrics';
import { Projector } from './projector';
import { PROJECTIONS } from './projections';
import { eraseClosedInvitations } from './reactions/erase-closed-invitations.reaction';
import { eraseDeletedAccounts } from './reactions/erase-deleted-accounts.reaction';
import { Reactor } from './reactions/reactor';
import { revokeKeysOfFormerMembers } from './reactions/revoke-keys-of-former-members.reaction';

export interface ProjectorProcess {
  readonly projector: Projector;
  readonly reactor: Reactor;
  readonly storage: Storage;
  /** Seals the log (see libs/event-store/src/seal.ts); one per deployment, like the projector. */
  readonly sealer: LogSealer;
  /** Projects from the stored checkpoint, then follows live; the reactor runs behind it. */
  start(): Promise<void>;
  close(): Promise<void>;
}

/** Opens the configured storage and builds the projector and the reactor over it. */
export async function createProjector(config: AppConfig): Promise<ProjectorProcess> {
  const storage = await openStorage(config);
  const keys = new DataKeyRing(storage.dataKeys, loadSecrets(config).masterKey);
  const codec = new PersonalDataCodec(keys);
  const aggregates = new AggregateStore(storage.eventStore, codec);
  const projector = new Projector(storage.eventStore, storage.readStore, codec, PROJECTIONS);
  trackProjection(storage.eventStore, storage.readStore);
  const reactor = new Reactor(storage.eventStore, storage.readStore, codec, [
    revokeKeysOfFormerMembers(aggregates, storage.readStore, storage.eventStore),
    eraseDeletedAccounts(aggregates, keys, storage.readStore, {
      store: storage.eventStore,
      reservations: codec.reservations,
      salts: new EmailSalts(storage.dataKeys),
    }),
    eraseClosedInvitations(keys, storage.readStore),
  ]);
  const logger = new Logger('log-sealer');
  const sealer = new LogSealer(storage.eventStore, {
    maxEvents: config.sealMaxEvents,
    intervalMs: config.sealIntervalSeconds * 1000,
    onError: (error) => logger.error({ message: 'sealing failed; retried', error: String(error) }),
  });
  return {
    projector,
    reactor,
    storage,
    sealer,
    async start() {
      await projector.start();
      await reactor.start();
      await sealer.start();
    },
    async close() {
      await sealer.stop();
      await reactor.stop();
      await projector.stop();
      await storage.close();
    },
  };
}
