import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class GetSecurityLogDto {
  @ApiPropertyOptional({
    description: 'The `next` cursor of the previous page; omit for the newest entries.',
    pattern: '^\\d{1,20}$',
  })
  @IsOptional()
  @Matches(/^\d{1,20}$/, { message: 'before must be a cursor from a previous page' })
  before?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
