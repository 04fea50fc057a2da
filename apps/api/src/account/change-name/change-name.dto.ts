import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, registerDecorator, ValidateIf } from 'class-validator';
import { IsDisplayName, Trim } from '../../http/validators';

export class ChangeNameDto {
  /** Declared only to refuse it by name: the email is the login and cannot change here. */
  @ValidateIf((dto: ChangeNameDto) => dto.email !== undefined)
  @IsReadOnly()
  email?: unknown;

  @ApiPropertyOptional({ example: 'Ada', description: '1 to 100 characters after trimming.' })
  @IsOptional()
  @Trim()
  @IsDisplayName()
  firstName?: string;

  @ApiPropertyOptional({ example: 'Lovelace', description: '1 to 100 characters after trimming.' })
  @IsOptional()
  @Trim()
  @IsDisplayName()
  lastName?: string;
}

function IsReadOnly() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'readOnly',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} is read-only: it is the login of the account` },
      validator: { validate: () => false },
    });
}
