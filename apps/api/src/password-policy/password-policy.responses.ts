import { ApiProperty } from '@nestjs/swagger';

export class PasswordRuleDto {
  @ApiProperty({ example: 'min_length' })
  id!: string;
  @ApiProperty({ example: 'At least 8 characters' })
  label!: string;
}

export class PasswordPolicyDto {
  @ApiProperty({ type: [PasswordRuleDto] })
  rules!: PasswordRuleDto[];
}

export class PasswordRuleResultDto extends PasswordRuleDto {
  @ApiProperty()
  met!: boolean;
}

export class PasswordCheckDto {
  @ApiProperty()
  valid!: boolean;
  @ApiProperty({ type: [PasswordRuleResultDto] })
  rules!: PasswordRuleResultDto[];
}
