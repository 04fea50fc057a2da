import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class ListOrganizationEventsDto {
  @ApiPropertyOptional({
    description: 'The `next` cursor of the previous page; omit for the first page.',
    pattern: '^[0-9]{1,20}$',
  })
  @IsOptional()
  @Matches(/^\d{1,20}$/, { message: 'after must be a cursor from a previous page' })
  after?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
