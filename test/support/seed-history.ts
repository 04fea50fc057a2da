import { randomUUID } from 'node:crypto';
import { accountDecider, accountStream } from '@app/domain';
import { AggregateStore } from '@app/event-store/aggregate-store';
import type { AppConfig } from '@app/platform/config/config';
import { loadSecrets } from '@app/platform/config/secrets';
import { DataKeyRing } from '@app/platform/personal-data/data-key-ring';
import { PersonalDataCodec } from '@app/platform/personal-data/personal-data.codec';
import { openStorage } from '@app/platform/storage/storage';

const metadata = {
  correlationId: 'seed',
  causationId: 'seed',
  actor: { type: 'system', id: 'seed' },
} as const;

/**
 * Writes a realistic history straight through the command loop (no HTTP, no bcrypt): each
 * account registers, renames itself `renames` times, and every tenth one is deleted.
 */
export async function seedAccounts(
  config: AppConfig,
  accounts: number,
  renames: number,
): Promise<number> {
  const storage = await openStorage(config);
  const codec = new PersonalDataCodec(
    new DataKeyRing(storage.dataKeys, loadSecrets(config).masterKey),
  );
  const aggregates = new AggregateStore(storage.eventStore, codec);
  let events = 0;
  try {
    for (let a = 0; a < accounts; a++) {
      const userId = randomUUID();
      const run = async (command: Parameters<typeof accountDecider.decide>[0]) => {
        const result = await aggregates.handle(
          accountStream(userId),
          accountDecider,
          () => command,
          { metadata },
        );
        events += result.events.length;
      };
      const now = new Date().toISOString();
      await run({
        type: 'RegisterAccount',
        data: {
          userId,
          email: `seed${a}@example.com`,
          firstName: 'Seed',
          lastName: `N${a}`,
          passwordHash: 'x',
          now,
        },
      });
      for (let r = 0; r < renames; r++) {
        await run({ type: 'ChangeName', data: { userId, firstName: `Seed${r}`, now } });
      }
      if (a % 10 === 0)
        await run({
          type: 'DeleteAccount',
          data: {
            userId,
            passwordMatches: true,
            emailHash: userId,
            organizationIds: [],
            apiKeyIds: [],
            sessionIds: [],
            now,
          },
        });
    }
  } finally {
    await storage.close();
  }
  return events;
}
