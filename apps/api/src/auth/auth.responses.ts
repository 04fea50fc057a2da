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
