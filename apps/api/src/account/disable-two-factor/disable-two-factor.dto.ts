import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class DisableTwoFactorDto {
  @ApiProperty({ description: 'Your current password.' })
  @IsString()
  @MaxLength(1024)
  password!: string;

  @ApiProperty({
    example: '123456',
    description: 'A current TOTP code or an unused recovery code.',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(32)
  code!: string;
}
