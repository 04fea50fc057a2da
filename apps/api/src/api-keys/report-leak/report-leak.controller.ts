import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { RequestMetadata } from '../../auth/principal';
import { LeakReports } from './leak-reports';
import { ReportLeakDto } from './report-leak.dto';
import { Answers, Operation } from '../../http/openapi';
import { LeakReportDto } from '../api-keys.responses';

/** Like GitHub's credential revocation endpoint: anyone who finds a key can kill it. */
@ApiTags('api keys')
@Controller('api-keys/report-leak')
export class ReportLeakController {
  constructor(private readonly reports: LeakReports) {}

  @Post()
  @HttpCode(202)
  @Operation({
    id: 'reportLeakedApiKey',
    summary: 'Report a leaked API key (it is revoked)',
    access: 'public',
    errors: [429],
  })
  @Answers(
    202,
    LeakReportDto,
    'Always, whatever the key: a live key is revoked with reason `leaked` and its owner’s ' +
      'security log says so. The answer never tells whether the key was valid.',
  )
  report(@Body() body: ReportLeakDto, @RequestMetadata() metadata: EventMetadata) {
    this.reports.submit(body.key, metadata);
    return { status: 'received' };
  }
}
