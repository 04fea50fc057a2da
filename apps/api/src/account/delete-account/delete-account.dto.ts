import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { CONFIRMATION_PHRASE } from './deletion-plan';

export class DeleteAccountDto {
  @ApiProperty({
    example: CONFIRMATION_PHRASE,
    description: 'The phrase of GET /me/deletion-preview.',
  })
  @IsString()
  @MaxLength(100)
  confirmation!: string;

  @ApiProperty({ description: 'Your current password.' })
  @IsString()
  @MaxLength(1024)
  password!: string;
}
