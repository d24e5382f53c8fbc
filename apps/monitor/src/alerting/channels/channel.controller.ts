import {
  ChannelDeliveryQuerySchema,
  ChannelRequestSchema,
  type Channel,
  type ChannelDeliveryList,
  type ChannelDeliveryQuery,
  type ChannelList,
  type ChannelRequest,
  type ChannelTestResult,
} from '@ihm/contracts';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Put, Query } from '@nestjs/common';
import { ZodPipe } from '../../common/zod.pipe';
import { DeliveryLogService } from '../delivery/delivery-log.service';
import { ChannelService } from './channel.service';

@Controller('channels')
export class ChannelController {
  constructor(
    private readonly channels: ChannelService,
    private readonly deliveryLog: DeliveryLogService,
  ) {}

  @Post()
  create(@Body(new ZodPipe(ChannelRequestSchema)) channel: ChannelRequest): Promise<Channel> {
    return this.channels.create(channel);
  }

  @Get()
  list(): Promise<ChannelList> {
    return this.channels.list();
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<Channel> {
    return this.channels.get(id);
  }

  /** The whole channel again (name, type, config); `********` keeps a stored secret. */
  @Put(':id')
  update(
    @Param('id') id: string,
    @Body(new ZodPipe(ChannelRequestSchema)) channel: ChannelRequest,
  ): Promise<Channel> {
    return this.channels.update(id, channel);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  remove(@Param('id') id: string): Promise<void> {
    return this.channels.remove(id);
  }

  /** Every attempt to deliver to this channel, newest first, `limit` a page; `before` pages on. */
  @Get(':id/deliveries')
  deliveries(
    @Param('id') id: string,
    @Query(new ZodPipe(ChannelDeliveryQuerySchema, 'query')) query: ChannelDeliveryQuery,
  ): Promise<ChannelDeliveryList> {
    return this.deliveryLog.forChannel(id, query);
  }

  @Post(':id/test')
  @HttpCode(HttpStatus.OK)
  test(@Param('id') id: string): Promise<ChannelTestResult> {
    return this.channels.test(id);
  }
}
