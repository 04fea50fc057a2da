import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '@app/domain';

export class ProfileDto {
  @ApiProperty()
  userId!: string;
  @ApiProperty({ format: 'email' })
  email!: string;
  @ApiProperty()
  firstName!: string;
  @ApiProperty()
  lastName!: string;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class MembershipSummaryDto {
  @ApiProperty()
  organizationId!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty({ enum: ROLES })
  role!: string;
}

export class DeletionConsequencesDto {
  @ApiProperty({ type: 'integer', description: 'How many of your API keys are revoked.' })
  apiKeys!: number;
  @ApiProperty({ type: [MembershipSummaryDto] })
  organizations!: MembershipSummaryDto[];
  @ApiProperty({
    type: [MembershipSummaryDto],
    description:
      'Organizations where you are the only owner and others are members: 409 until resolved.',
  })
  blockingOrganizations!: MembershipSummaryDto[];
}

export class DeletionPreviewDto {
  @ApiProperty({ enum: ['delete my account'] })
  confirmationPhrase!: string;
  @ApiProperty({ type: DeletionConsequencesDto })
  consequences!: DeletionConsequencesDto;
}
