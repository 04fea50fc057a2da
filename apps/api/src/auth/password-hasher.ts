import { Inject, Injectable } from '@nestjs/common';
import * as bcrypt from 'bcrypt';
import { APP_CONFIG, type AppConfig } from '@app/platform/config/config';

/**
 * bcrypt, always async (it runs on the libuv pool, off the event loop). Passwords longer
 * than 72 bytes never get here: the policy refuses them instead of letting bcrypt truncate.
 */
@Injectable()
export class PasswordHasher {
  private dummyHash: Promise<string> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  hash(password: string): Promise<string> {
    return bcrypt.hash(password, this.config.bcryptCost);
  }

  /**
   * Compares against the stored hash, or against a dummy of the same cost when there is
   * none, so an unknown email takes as long to refuse as a wrong password.
   */
  async verify(password: string, storedHash: string | null): Promise<boolean> {
    this.dummyHash ??= bcrypt.hash('dummy password for timing', this.config.bcryptCost);
    const matches = await bcrypt.compare(password, storedHash ?? (await this.dummyHash));
    return storedHash !== null && matches;
  }
}
