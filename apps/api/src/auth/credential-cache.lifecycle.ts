import {
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { LiveStreamCache } from '@app/event-store/live-stream-cache';

/** Starts the cache-invalidating subscription with the api and stops it before storage closes. */
@Injectable()
export class CredentialCacheLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(private readonly cache: LiveStreamCache) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.cache.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.cache.close();
  }
}
