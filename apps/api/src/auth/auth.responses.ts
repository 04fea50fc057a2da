import { ApiProperty } from '@nestjs/swagger';

export class RegisteredDto {
  @ApiProperty({ example: 'a3f0c1d2e4' })
  userId!: string;
}

export class LoginResultDto {
  @ApiProperty({ description: 'Send as Authorization: Bearer <accessToken>. Opaque.' })
  accessToken!: string;
  @ApiProperty({ enum: ['Bearer'] })
  tokenType!: 'Bearer';
  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;
}

/** The answer of POST /auth/login when two-factor is on: no session yet. */
export class MfaChallengeDto {
  @ApiProperty({ enum: [true] })
  mfaRequired!: true;
  @ApiProperty({ description: 'Send to POST /auth/login/mfa with a code; lives 5 minutes.' })
  mfaToken!: string;
  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;
}
