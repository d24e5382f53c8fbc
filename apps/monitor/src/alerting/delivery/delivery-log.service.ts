import type { ChannelDeliveryList, ChannelDeliveryQuery } from '@ihm/contracts';
import { Injectable } from '@nestjs/common';
import { ChannelService } from '../channels/channel.service';
import { DeliveryLogRepository } from './delivery-log.repository';

@Injectable()
export class DeliveryLogService {
  constructor(
    private readonly channels: ChannelService,
    private readonly repository: DeliveryLogRepository,
  ) {}

  /** A page of the channel's delivery log; a channel that does not exist is a 404. */
  async forChannel(channelId: string, { limit, before }: ChannelDeliveryQuery): Promise<ChannelDeliveryList> {
    await this.channels.get(channelId);
    const items = await this.repository.forChannel(channelId, limit, before ? BigInt(before) : null);
    return { items, nextBefore: items.length === limit ? (items.at(-1)?.id ?? null) : null };
  }
}
