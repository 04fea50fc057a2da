import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { THEMES, type Theme } from '@app/domain';

export class ChangePreferencesDto {
  @ApiProperty({ enum: THEMES, example: 'dark' })
  @IsIn(THEMES, { message: `theme must be one of ${THEMES.join(', ')}` })
  theme!: Theme;
}
