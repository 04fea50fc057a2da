import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { Trim } from '../../http/validators';

export class LoginDto {
  @ApiProperty({ example: 'ada@example.com' })
  @Trim()
  @IsString()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Str0ng!Passw0rd' })
  @IsString()
  @MaxLength(1024)
  password!: string;
}
