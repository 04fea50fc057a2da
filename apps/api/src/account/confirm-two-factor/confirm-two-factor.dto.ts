import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

export class ConfirmTwoFactorDto {
  @ApiProperty({ example: '123456', description: 'A current code from the pending secret.' })
  @IsString()
  @Matches(/^\s*\d{6}\s*$/, { message: 'code must be the 6 digits of your authenticator app' })
  code!: string;
}
