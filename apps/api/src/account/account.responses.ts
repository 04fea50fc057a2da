import { ApiProperty } from '@nestjs/swagger';
import { ROLES, THEMES } from '@app/domain';

export class ProfileDto {
  @ApiProperty()
  userId!: string;
  @ApiProperty({ format: 'email' })
  email!: string;
  @ApiProperty()
  firstName!: string;
  @ApiProperty()
  lastName!: string;
  @ApiProperty({ description: 'Whether login asks for a second factor (TOTP).' })
  twoFactorEnabled!: boolean;
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

export class PreferencesDto {
  @ApiProperty({ enum: THEMES, description: '`system` (the default), `light` or `dark`.' })
  theme!: string;
}

export class SessionDto {
  @ApiProperty()
  sessionId!: string;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ format: 'date-time', description: 'Minute precision.' })
  lastSeenAt!: string;
  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;
  @ApiProperty({ type: 'string', nullable: true })
  userAgent!: string | null;
  @ApiProperty({ type: 'string', nullable: true })
  ipAddress!: string | null;
  @ApiProperty({ description: 'The session making this request.' })
  current!: boolean;
}

export class SessionListDto {
  @ApiProperty({ type: [SessionDto] })
  items!: SessionDto[];
}

export class TwoFactorSetupDto {
  @ApiProperty({ description: 'The pending TOTP secret, base32.' })
  secret!: string;
  @ApiProperty({ example: 'otpauth://totp/account-keys:ada%40example.com?secret=…' })
  otpauthUrl!: string;
  @ApiProperty({ description: 'A QR code of otpauthUrl, as a PNG data URL.' })
  qrCodeDataUrl!: string;
}

export class RecoveryCodesDto {
  @ApiProperty({
    type: [String],
    minItems: 10,
    maxItems: 10,
    description: 'Ten single-use codes, shown this once.',
  })
  recoveryCodes!: string[];
}
