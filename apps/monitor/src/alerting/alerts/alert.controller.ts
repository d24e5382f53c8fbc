import { AlertListQuerySchema, type AlertDetail, type AlertList, type AlertListQuery } from '@ihm/contracts';
import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { CurrentCaller, type Caller } from '../../auth/caller';
import { callerName } from '../../auth/caller-name';
import { ZodPipe } from '../../common/zod.pipe';
import { AlertService } from './alert.service';

@Controller('alerts')
export class AlertController {
  constructor(private readonly alerts: AlertService) {}

  @Get()
  list(@Query(new ZodPipe(AlertListQuerySchema, 'query')) query: AlertListQuery): Promise<AlertList> {
    return this.alerts.list(query);
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<AlertDetail> {
    return this.alerts.get(id);
  }

  @Post(':id/acknowledge')
  @HttpCode(HttpStatus.OK)
  acknowledge(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<AlertDetail> {
    return this.alerts.acknowledge(id, callerName(caller));
  }
}
