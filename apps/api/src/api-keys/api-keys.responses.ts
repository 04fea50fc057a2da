import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PERMISSIONS } from '@app/domain';

export class ApiKeyRowDto {
  @ApiProperty()
  id!: string;
  @ApiProperty()
  description!: string;
  @ApiProperty({ example: 'ak_…Zx9Q' })
  maskedKey!: string;
  @ApiProperty({ enum: ['active', 'expired'] })
  status!: string;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: 'string' })
  lastUsedAt!: string | null;
  @ApiPropertyOptional({ description: 'With owner=all only.' })
  ownerId?: string;
}

export class ApiKeyListDto {
  @ApiProperty({ type: [ApiKeyRowDto] })
  items!: ApiKeyRowDto[];
}

export class ApiKeyDetailDto extends ApiKeyRowDto {
  @ApiProperty()
  declare ownerId: string;
  @ApiProperty({ enum: PERMISSIONS, isArray: true })
  permissions!: string[];
}

export class IssuedApiKeyDto {
  @ApiProperty()
  id!: string;
  @ApiProperty()
  description!: string;
  @ApiProperty({ description: 'The key itself: shown in this answer only, never again.' })
  key!: string;
  @ApiProperty({ example: 'ak_…Zx9Q' })
  maskedKey!: string;
  @ApiProperty({ enum: ['active'] })
  status!: string;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;
}

export class WhoamiDto {
  @ApiProperty()
  keyId!: string;
  @ApiProperty()
  organizationId!: string;
  @ApiProperty()
  userId!: string;
  @ApiProperty({ enum: PERMISSIONS, isArray: true })
  permissions!: string[];
}

export class RolledApiKeyDto extends IssuedApiKeyDto {
  @ApiProperty({ description: 'The id of the key this one replaces.' })
  rolledFrom!: string;
}

export class LeakReportDto {
  @ApiProperty({ enum: ['received'] })
  status!: string;
}
