import { ApiProperty } from '@nestjs/swagger';
import { IsDisplayName, Trim } from '../../http/validators';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'Production API Key', description: '1 to 100 characters.' })
  @Trim()
  @IsDisplayName()
  description!: string;
}
