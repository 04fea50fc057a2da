import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class ReportLeakDto {
  @ApiProperty({ description: 'The API key found where it should not be (`ak_…`).' })
  @IsString()
  @MaxLength(200)
  key!: string;
}
