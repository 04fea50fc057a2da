import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { WhoamiController } from './whoami/whoami.controller';

@Module({ imports: [AuthModule], controllers: [WhoamiController] })
export class IntegrationsModule {}
