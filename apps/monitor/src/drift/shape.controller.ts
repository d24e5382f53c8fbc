import type { ShapeReport } from '@ihm/contracts';
import { Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { CurrentCaller, type Caller } from '../auth/caller';
import { callerName } from '../auth/caller-name';
import { ShapeReportService } from './shape-report.service';

@Controller('integrations')
export class ShapeController {
  constructor(private readonly shapes: ShapeReportService) {}

  @Get(':id/shape')
  report(@Param('id') id: string): Promise<ShapeReport> {
    return this.shapes.report(id);
  }

  @Post(':id/shape/accept')
  @HttpCode(HttpStatus.OK)
  accept(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<ShapeReport> {
    return this.shapes.accept(id, callerName(caller));
  }
}
