import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, MaxLength } from 'class-validator';
import { ROLES, type Role } from '@app/domain';
import { Trim } from '../../http/validators';

export class AddMemberDto {
  @ApiProperty({ example: 'grace@example.com', description: 'The email of an existing account.' })
  @Trim()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role!: Role;
}
