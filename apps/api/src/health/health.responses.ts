import { ApiProperty } from '@nestjs/swagger';

export class ProjectorStatusDto {
  @ApiProperty({ type: 'string', nullable: true })
  checkpoint!: string | null;
  @ApiProperty({ type: 'string', nullable: true })
  head!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Events not yet projected.' })
  lag!: number | null;
}

export class HealthDto {
  @ApiProperty({ enum: ['ok', 'unavailable'] })
  status!: string;
  @ApiProperty({ enum: ['up', 'down'] })
  eventStore!: string;
  @ApiProperty({ enum: ['up', 'down'] })
  readStore!: string;
  @ApiProperty({ type: ProjectorStatusDto })
  projector!: ProjectorStatusDto;
}
