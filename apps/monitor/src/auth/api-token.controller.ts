import {
  CreateApiTokenRequestSchema,
  type ApiTokenList,
  type CreateApiTokenRequest,
  type CreatedApiToken,
} from '@ihm/contracts';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ZodPipe } from '../common/zod.pipe';
import { ApiTokenService } from './api-token.service';
import { RequiresRole } from './requires-role.decorator';

/** API tokens: created with a role, shown once, listed by prefix and last use, revoked. Admins only. */
@RequiresRole('admin')
@Controller('tokens')
export class ApiTokenController {
  constructor(private readonly tokens: ApiTokenService) {}

  @Get()
  list(): Promise<ApiTokenList> {
    return this.tokens.list();
  }

  @Post()
  create(
    @Body(new ZodPipe(CreateApiTokenRequestSchema)) body: CreateApiTokenRequest,
  ): Promise<CreatedApiToken> {
    return this.tokens.create(body);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  revoke(@Param('id') id: string): Promise<void> {
    return this.tokens.revoke(id);
  }
}
