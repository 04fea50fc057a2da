import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(1024)
  currentPassword!: string;

  @ApiProperty({ description: 'Must meet every rule of GET /password-policy.' })
  @IsString()
  @MaxLength(1024)
  newPassword!: string;

  @ApiProperty({ description: 'Must equal newPassword (rule `match`).' })
  @IsString()
  @MaxLength(1024)
  confirmPassword!: string;
}
