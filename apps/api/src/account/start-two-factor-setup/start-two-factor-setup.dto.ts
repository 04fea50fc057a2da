import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class StartTwoFactorSetupDto {
  @ApiProperty({ description: 'Your current password.' })
  @IsString()
  @MaxLength(1024)
  password!: string;
}
