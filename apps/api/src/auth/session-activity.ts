import { Inject, Injectable } from '@nestjs/common';
import { READ_STORE, type ReadStore } from '@app/read-store/read-store.port';
import { SESSION_ACTIVITY } from '@app/read-store/read-models/session.read-model';
import { MinuteActivity } from '../consistency/minute-activity';

/** Each session's last-seen minute, without a write per request, like keys' last use. */
@Injectable()
export class SessionActivity extends MinuteActivity {
  constructor(@Inject(READ_STORE) readStore: ReadStore) {
    super(readStore, SESSION_ACTIVITY, 'lastSeenAt');
  }

  lastSeenAt(sessionId: string, stored: string | null): string | null {
    return this.latest(sessionId, stored);
  }
}
