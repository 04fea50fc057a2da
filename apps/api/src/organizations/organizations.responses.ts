import { ApiProperty } from '@nestjs/swagger';
import { FEATURES, PERMISSIONS, ROLES } from '@app/domain';

export class OrganizationCreatedDto {
  @ApiProperty()
  organizationId!: string;
  @ApiProperty()
  name!: string;
}

export class OrganizationSummaryDto {
  @ApiProperty()
  organizationId!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty({ enum: ROLES })
  role!: string;
}

export class OrganizationListDto {
  @ApiProperty({ type: [OrganizationSummaryDto] })
  items!: OrganizationSummaryDto[];
}

export class OrganizationDto extends OrganizationSummaryDto {
  @ApiProperty({ enum: PERMISSIONS, isArray: true, description: 'Your effective permissions.' })
  permissions!: string[];
  @ApiProperty({ enum: FEATURES, isArray: true })
  disabledFeatures!: string[];
}

export class MemberDto {
  @ApiProperty()
  userId!: string;
  @ApiProperty({ format: 'email' })
  email!: string;
  @ApiProperty()
  firstName!: string;
  @ApiProperty()
  lastName!: string;
  @ApiProperty({ enum: ROLES })
  role!: string;
}

export class MemberListDto {
  @ApiProperty({ type: [MemberDto] })
  items!: MemberDto[];
}

export class AddedMemberDto {
  @ApiProperty()
  userId!: string;
  @ApiProperty({ format: 'email' })
  email!: string;
  @ApiProperty({ enum: ROLES })
  role!: string;
}

export class MemberRoleDto {
  @ApiProperty()
  userId!: string;
  @ApiProperty({ enum: ROLES })
  role!: string;
}

export class MemberGrantsDto {
  @ApiProperty()
  userId!: string;
  @ApiProperty({ enum: ROLES })
  role!: string;
  @ApiProperty({ enum: PERMISSIONS, isArray: true })
  granted!: string[];
  @ApiProperty({ enum: PERMISSIONS, isArray: true })
  permissions!: string[];
}

export class FeaturesDto {
  @ApiProperty()
  organizationId!: string;
  @ApiProperty({ enum: FEATURES, isArray: true })
  disabled!: string[];
}
