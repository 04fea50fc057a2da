import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn } from 'class-validator';
import { FEATURES, type Feature } from '@app/domain';

export class ChangeFeaturesDto {
  @ApiProperty({
    enum: FEATURES,
    isArray: true,
    description: 'Features to disable; [] enables them all.',
  })
  @IsArray()
  @ArrayMaxSize(FEATURES.length * 2)
  @IsIn(FEATURES, { each: true, message: `each feature must be one of ${FEATURES.join(', ')}` })
  disabled!: Feature[];
}
