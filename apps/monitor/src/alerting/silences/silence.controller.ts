import { SilenceRequestSchema, type Silence, type SilenceList, type SilenceRequest } from '@ihm/contracts';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Put } from '@nestjs/common';
import { ZodPipe } from '../../common/zod.pipe';
import { SilenceService } from './silence.service';

@Controller('silences')
export class SilenceController {
  constructor(private readonly silences: SilenceService) {}

  @Post()
  create(@Body(new ZodPipe(SilenceRequestSchema)) silence: SilenceRequest): Promise<Silence> {
    return this.silences.create(silence);
  }

  @Get()
  list(): Promise<SilenceList> {
    return this.silences.list();
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<Silence> {
    return this.silences.get(id);
  }

  @Put(':id')
  update(
    @Param('id') id: string,
    @Body(new ZodPipe(SilenceRequestSchema)) silence: SilenceRequest,
  ): Promise<Silence> {
    return this.silences.update(id, silence);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  remove(@Param('id') id: string): Promise<void> {
    return this.silences.remove(id);
  }
}
