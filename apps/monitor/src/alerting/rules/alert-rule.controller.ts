import {
  AlertRulePatchSchema,
  AlertRuleRequestSchema,
  type AlertRule,
  type AlertRuleDefinition,
  type AlertRuleList,
  type AlertRulePatch,
} from '@ihm/contracts';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post } from '@nestjs/common';
import { ZodPipe } from '../../common/zod.pipe';
import { AlertRuleService } from './alert-rule.service';

@Controller('alert-rules')
export class AlertRuleController {
  constructor(private readonly rules: AlertRuleService) {}

  @Post()
  create(@Body(new ZodPipe(AlertRuleRequestSchema)) rule: AlertRuleDefinition): Promise<AlertRule> {
    return this.rules.create(rule);
  }

  @Get()
  list(): Promise<AlertRuleList> {
    return this.rules.list();
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<AlertRule> {
    return this.rules.get(id);
  }

  @Patch(':id')
  update(
    @Param('id') id: string,
    @Body(new ZodPipe(AlertRulePatchSchema)) patch: AlertRulePatch,
  ): Promise<AlertRule> {
    return this.rules.update(id, patch);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  remove(@Param('id') id: string): Promise<void> {
    return this.rules.remove(id);
  }
}
