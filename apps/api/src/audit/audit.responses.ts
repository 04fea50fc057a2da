import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class SecurityLogEntryDto {
  @ApiProperty({ example: 'SessionStarted' })
  type!: string;
  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;
  @ApiProperty({ type: 'object', additionalProperties: true })
  details!: Record<string, unknown>;
}

export class SecurityLogDto {
  @ApiProperty({ type: [SecurityLogEntryDto] })
  items!: SecurityLogEntryDto[];
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'Pass as `before` for older entries; null at the end.',
  })
  next!: string | null;
}

export class AuditEventDto {
  @ApiProperty({ description: 'The event’s global position (a cursor).' })
  position!: string;
  @ApiProperty()
  stream!: string;
  @ApiProperty()
  type!: string;
  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;
  @ApiProperty({ type: 'object', additionalProperties: true })
  actor!: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true })
  data!: Record<string, unknown>;
}

export class PersonDto {
  @ApiProperty()
  userId!: string;
  @ApiPropertyOptional({ format: 'email' })
  email?: string;
  @ApiPropertyOptional()
  firstName?: string;
  @ApiPropertyOptional()
  lastName?: string;
  @ApiPropertyOptional({ enum: [true] })
  erased?: boolean;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEventDto] })
  items!: AuditEventDto[];
  @ApiProperty({ type: 'string', nullable: true, description: 'Pass as `after`; null at the end.' })
  next!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/PersonDto' } })
  people!: Record<string, PersonDto>;
}
