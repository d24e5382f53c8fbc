import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module';
import { AlertRetention } from './alerts/alert-retention.service';
import { AlertController } from './alerts/alert.controller';
import { AlertRepository } from './alerts/alert.repository';
import { AlertService } from './alerts/alert.service';
import { ChannelController } from './channels/channel.controller';
import { ChannelRepository } from './channels/channel.repository';
import { ChannelService } from './channels/channel.service';
import { DeliveryLogRepository } from './delivery/delivery-log.repository';
import { DeliveryLogService } from './delivery/delivery-log.service';
import { DeliveryWorker } from './delivery/delivery-worker.service';
import { NotificationRepository } from './delivery/notification.repository';
import { AlertEvaluationRepository } from './evaluation/alert-evaluation.repository';
import { AlertCloser } from './evaluation/alert-closer.service';
import { AlertEvaluator } from './evaluation/alert-evaluator.service';
import { NotificationPlanner } from './evaluation/notification-planner';
import { AlertRuleController } from './rules/alert-rule.controller';
import { AlertRuleRepository } from './rules/alert-rule.repository';
import { AlertRuleService } from './rules/alert-rule.service';
import { SilenceReleaser } from './silences/silence-releaser.service';
import { SilenceController } from './silences/silence.controller';
import { SilenceRepository } from './silences/silence.repository';
import { SilenceService } from './silences/silence.service';

/**
 * Alerting end to end: rules, channels, evaluation of results (a step of the result pipeline), alerts, silences
 * and the durable delivery of their notifications.
 */
@Module({
  imports: [DatabaseModule],
  controllers: [AlertRuleController, ChannelController, AlertController, SilenceController],
  providers: [
    AlertRuleRepository,
    AlertRuleService,
    ChannelRepository,
    ChannelService,
    AlertEvaluationRepository,
    NotificationPlanner,
    AlertEvaluator,
    AlertCloser,
    AlertRepository,
    AlertService,
    AlertRetention,
    NotificationRepository,
    DeliveryWorker,
    DeliveryLogRepository,
    DeliveryLogService,
    SilenceRepository,
    SilenceService,
    SilenceReleaser,
  ],
  exports: [AlertEvaluator, AlertCloser, ChannelService, AlertRuleService],
})
export class AlertingModule {}
