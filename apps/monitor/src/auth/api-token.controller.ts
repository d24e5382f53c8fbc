import {
  CreateApiTokenRequestSchema,
  type ApiTokenList,
  type CreateApiTokenRequest,
  type CreatedApiToken,
} from '@ihm/contracts';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ZodPipe } from '../common/zod.pipe';
import { ApiTokenService } from './api-token.service';
import { CurrentCaller, type Caller } from './caller';
import { RequiresRole } from './requires-role.decorator';

/**
 * API tokens, for every role: each caller creates their own, with a role no higher than theirs, shown once, listed
 * by prefix and last use, revoked. Admins see and revoke everyone's.
 */
@RequiresRole('viewer')
@Controller('tokens')
export class ApiTokenController {
  constructor(private readonly tokens: ApiTokenService) {}

  @Get()
  list(@CurrentCaller() caller: Caller): Promise<ApiTokenList> {
    return this.tokens.list(caller);
  }

  @Post()
  create(
    @Body(new ZodPipe(CreateApiTokenRequestSchema)) body: CreateApiTokenRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<CreatedApiToken> {
    return this.tokens.create(body, caller);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  revoke(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<void> {
    return this.tokens.revoke(id, caller);
  }
}
