import { Module } from '@nestjs/common';
import { ReadYourWrites } from './read-your-writes';

@Module({ providers: [ReadYourWrites], exports: [ReadYourWrites] })
export class ConsistencyModule {}
