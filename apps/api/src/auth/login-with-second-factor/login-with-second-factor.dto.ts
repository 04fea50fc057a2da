import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginWithSecondFactorDto {
  @ApiProperty({ description: 'From the 200 answer of POST /auth/login; lives 5 minutes.' })
  @IsString()
  @MinLength(1)
  @MaxLength(600)
  mfaToken!: string;

  @ApiProperty({
    example: '123456',
    description: 'The current TOTP code, or one unused recovery code.',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(32)
  code!: string;
}
