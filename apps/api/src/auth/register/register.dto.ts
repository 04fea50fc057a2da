import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength } from 'class-validator';
import { IsDisplayName, Trim } from '../../http/validators';

export class RegisterDto {
  @ApiProperty({
    example: 'ada@example.com',
    description: 'Trimmed and compared case-insensitively.',
  })
  @Trim()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({
    example: 'Str0ng!Passw0rd',
    description: 'Must meet every rule of GET /password-policy.',
  })
  @IsString()
  @MaxLength(1024)
  password!: string;

  @ApiProperty({ example: 'Ada' })
  @Trim()
  @IsDisplayName()
  firstName!: string;

  @ApiProperty({ example: 'Lovelace' })
  @Trim()
  @IsDisplayName()
  lastName!: string;
}
