import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, MaxLength } from 'class-validator';
import { ROLES, type Role } from '@app/domain';
import { Trim } from '../../http/validators';

export class InviteMemberDto {
  @ApiProperty({
    example: 'grace@example.com',
    description: 'Whom to invite, whether or not an account has this email yet.',
  })
  @Trim()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ enum: ROLES, description: 'The role they get if they accept.' })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role!: Role;
}
