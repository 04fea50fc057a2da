import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn } from 'class-validator';
import { PERMISSIONS, type Permission } from '@app/domain';

export class GrantPermissionsDto {
  @ApiProperty({
    enum: PERMISSIONS,
    isArray: true,
    description: 'The whole set of extra permissions; [] removes them all.',
  })
  @IsArray()
  @ArrayMaxSize(PERMISSIONS.length * 2)
  @IsIn(PERMISSIONS, {
    each: true,
    message: `each permission must be one of ${PERMISSIONS.join(', ')}`,
  })
  permissions!: Permission[];
}
