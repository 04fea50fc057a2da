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
  @ApiProperty({
    enum: PERMISSIONS,
    isArray: true,
    description: 'Extra permissions on top of the role.',
  })
  grants!: string[];
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

export class InvitationDto {
  @ApiProperty()
  invitationId!: string;
  @ApiProperty({ format: 'email' })
  email!: string;
  @ApiProperty({ enum: ROLES })
  role!: string;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ format: 'date-time', description: 'Seven days after createdAt.' })
  expiresAt!: string;
}

export class PendingInvitationDto extends InvitationDto {
  @ApiProperty({ description: 'The userId of whoever invited.' })
  invitedBy!: string;
}

export class PendingInvitationListDto {
  @ApiProperty({ type: [PendingInvitationDto] })
  items!: PendingInvitationDto[];
}

export class MyInvitationDto {
  @ApiProperty()
  invitationId!: string;
  @ApiProperty()
  organizationId!: string;
  @ApiProperty()
  organizationName!: string;
  @ApiProperty({ enum: ROLES })
  role!: string;
  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;
}

export class MyInvitationListDto {
  @ApiProperty({ type: [MyInvitationDto] })
  items!: MyInvitationDto[];
}

export class AcceptedInvitationDto {
  @ApiProperty()
  organizationId!: string;
  @ApiProperty({ enum: ROLES })
  role!: string;
}
