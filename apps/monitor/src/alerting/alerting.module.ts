import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module';
import { AlertController } from './alerts/alert.controller';
import { AlertRepository } from './alerts/alert.repository';
import { AlertService } from './alerts/alert.service';
import { ChannelController } from './channels/channel.controller';
import { ChannelRepository } from './channels/channel.repository';
import { ChannelService } from './channels/channel.service';
import { DeliveryWorker } from './delivery/delivery-worker.service';
import { NotificationRepository } from './delivery/notification.repository';
import { AlertEvaluationRepository } from './evaluation/alert-evaluation.repository';
import { AlertEvaluator } from './evaluation/alert-evaluator.service';
import { AlertRuleController } from './rules/alert-rule.controller';
import { AlertRuleRepository } from './rules/alert-rule.repository';
import { AlertRuleService } from './rules/alert-rule.service';

/**
 * Alerting end to end: rules, channels, evaluation of results (a step of the result pipeline), alerts and the
 * durable delivery of their notifications.
 */
@Module({
  imports: [DatabaseModule],
  controllers: [AlertRuleController, ChannelController, AlertController],
  providers: [
    AlertRuleRepository,
    AlertRuleService,
    ChannelRepository,
    ChannelService,
    AlertEvaluationRepository,
    AlertEvaluator,
    AlertRepository,
    AlertService,
    NotificationRepository,
    DeliveryWorker,
  ],
  exports: [AlertEvaluator],
})
export class AlertingModule {}
