import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class ListApiKeysDto {
  @ApiPropertyOptional({
    enum: ['all'],
    description: 'all: every key of the organization, each with ownerId (needs members:write).',
  })
  @IsOptional()
  @IsIn(['all'], { message: 'owner must be "all" or left out' })
  owner?: 'all';
}
