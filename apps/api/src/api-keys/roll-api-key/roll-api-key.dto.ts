import { ApiProperty } from '@nestjs/swagger';
import { IsNumber, Max, Min, ValidateBy } from 'class-validator';

/** A grace period is counted in whole seconds: 0.25 (15 minutes) is fine, 1e-9 is not. */
const InWholeSeconds = () =>
  ValidateBy({
    name: 'whole_seconds',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'number' && Math.abs(value * 3600 - Math.round(value * 3600)) < 1e-6,
      defaultMessage: () => 'gracePeriodHours must come to a whole number of seconds',
    },
  });

export class RollApiKeyDto {
  @ApiProperty({
    minimum: 0,
    maximum: 168,
    example: 24,
    description:
      'How long the old key keeps working, in hours (0 to 168; fractions down to the second: ' +
      '0.25 is 15 minutes). 0 revokes it at once.',
  })
  @IsNumber(
    { allowNaN: false, allowInfinity: false },
    { message: 'gracePeriodHours must be a number of hours' },
  )
  @Min(0)
  @Max(168)
  @InWholeSeconds()
  gracePeriodHours!: number;
}
