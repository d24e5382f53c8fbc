import {
  CreateIntegrationRequestSchema,
  ListIntegrationsQuerySchema,
  UpdateIntegrationRequestSchema,
  type Integration,
  type IntegrationDefinition,
  type IntegrationList,
  type ListIntegrationsQuery,
  type IntegrationPatch,
} from '@ihm/contracts';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ZodPipe } from '../common/zod.pipe';
import { IntegrationService } from './integration.service';

@Controller('integrations')
export class IntegrationController {
  constructor(private readonly integrations: IntegrationService) {}

  @Post()
  create(
    @Body(new ZodPipe(CreateIntegrationRequestSchema)) definition: IntegrationDefinition,
  ): Promise<Integration> {
    return this.integrations.create(definition);
  }

  @Get()
  list(
    @Query(new ZodPipe(ListIntegrationsQuerySchema, 'query')) query: ListIntegrationsQuery,
  ): Promise<IntegrationList> {
    return this.integrations.list(query);
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<Integration> {
    return this.integrations.get(id);
  }

  @Patch(':id')
  update(
    @Param('id') id: string,
    @Body(new ZodPipe(UpdateIntegrationRequestSchema)) patch: IntegrationPatch,
  ): Promise<Integration> {
    return this.integrations.update(id, patch);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  remove(@Param('id') id: string): Promise<void> {
    return this.integrations.remove(id);
  }
}
