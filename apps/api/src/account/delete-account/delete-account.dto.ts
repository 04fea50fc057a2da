import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { CONFIRMATION_PHRASE } from './deletion-plan';

/** The phrase, case-insensitive, spaces around allowed: what the controller compares. */
const CONFIRMATION_PATTERN = `^\\s*${[...CONFIRMATION_PHRASE]
  .map((char) => (char === ' ' ? ' ' : `[${char.toLowerCase()}${char.toUpperCase()}]`))
  .join('')}\\s*$`;

export class DeleteAccountDto {
  @ApiProperty({
    example: CONFIRMATION_PHRASE,
    description: 'The phrase of GET /me/deletion-preview, in any case.',
    pattern: CONFIRMATION_PATTERN,
  })
  @IsString()
  @MaxLength(100)
  confirmation!: string;

  @ApiProperty({ description: 'Your current password.' })
  @IsString()
  @MaxLength(1024)
  password!: string;
}
