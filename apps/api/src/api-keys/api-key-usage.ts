import { Inject, Injectable } from '@nestjs/common';
import { READ_STORE, type ReadStore } from '@app/read-store/read-store.port';
import { API_KEY_USAGE } from '@app/read-store/read-models/api-key.read-model';
import { MinuteActivity } from '../consistency/minute-activity';

/** Each key's last-used minute, without an event or a write per request. */
@Injectable()
export class ApiKeyUsage extends MinuteActivity {
  constructor(@Inject(READ_STORE) readStore: ReadStore) {
    super(readStore, API_KEY_USAGE, 'lastUsedAt');
  }

  lastUsedAt(keyId: string, stored: string | null): string | null {
    return this.latest(keyId, stored);
  }
}
