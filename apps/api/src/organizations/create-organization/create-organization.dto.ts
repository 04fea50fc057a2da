import { ApiProperty } from '@nestjs/swagger';
import { IsDisplayName, Trim } from '../../http/validators';

export class CreateOrganizationDto {
  @ApiProperty({ example: 'Acme', description: '1 to 100 characters after trimming.' })
  @Trim()
  @IsDisplayName()
  name!: string;
}
