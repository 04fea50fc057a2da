import { ApiProperty } from '@nestjs/swagger';
import { IsPersonName, Trim } from '../../http/validators';

export class CreateOrganizationDto {
  @ApiProperty({ example: 'Acme', description: '1 to 100 characters after trimming.' })
  @Trim()
  @IsPersonName({ message: 'name must be 1 to 100 characters without control characters' })
  name!: string;
}
