import {
  ChannelRequestSchema,
  type Channel,
  type ChannelList,
  type ChannelRequest,
  type ChannelTestResult,
} from '@ihm/contracts';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Put } from '@nestjs/common';
import { ZodPipe } from '../../common/zod.pipe';
import { ChannelService } from './channel.service';

@Controller('channels')
export class ChannelController {
  constructor(private readonly channels: ChannelService) {}

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

  @Post(':id/test')
  @HttpCode(HttpStatus.OK)
  test(@Param('id') id: string): Promise<ChannelTestResult> {
    return this.channels.test(id);
  }
}
