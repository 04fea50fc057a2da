import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class CheckPasswordDto {
  @ApiProperty({ description: 'Checked in memory only: never stored or logged.' })
  @IsString()
  @MaxLength(1024)
  password!: string;

  @ApiPropertyOptional({ description: 'When given, the rule `match` is added.' })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  confirmPassword?: string;
}
