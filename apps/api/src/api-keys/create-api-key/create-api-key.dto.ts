import { ApiProperty } from '@nestjs/swagger';
import { IsPersonName, Trim } from '../../http/validators';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'Production API Key', description: '1 to 100 characters.' })
  @Trim()
  @IsPersonName({ message: 'description must be 1 to 100 characters without control characters' })
  description!: string;
}
