import { SignInRequestSchema, type Session, type SignInRequest, type WhoAmI } from '@ihm/contracts';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { MonitorError } from '../common/monitor-error';
import { ZodPipe } from '../common/zod.pipe';
import { CurrentCaller, type Caller } from './caller';
import { Public } from './public.decorator';
import { RequiresRole } from './requires-role.decorator';
import { SessionService } from './session.service';
import { SignInService } from './sign-in.service';

/** The dashboard's sign-in, who-am-I and sign-out. */
@Controller('session')
export class SessionController {
  constructor(
    private readonly signInService: SignInService,
    private readonly sessions: SessionService,
  ) {}

  @Public()
  @Post()
  async signIn(
    @Body(new ZodPipe(SignInRequestSchema)) body: SignInRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Session> {
    const outcome = await this.signInService.signIn(body.email, body.password);
    if (outcome.kind === 'signedIn') return outcome.session;
    // The error filter answers on this same response, so the header goes out with the 429.
    response.setHeader('Retry-After', String(outcome.retryAfterSeconds));
    throw new MonitorError(
      'TOO_MANY_ATTEMPTS',
      `Too many sign-in attempts at once: try again in ${outcome.retryAfterSeconds} s`,
    );
  }

  @Get()
  whoAmI(@CurrentCaller() caller: Caller): WhoAmI {
    return caller.kind === 'session'
      ? { kind: 'session', role: caller.role, user: caller.user, expiresAt: caller.expiresAt.toISOString() }
      : { kind: 'apiToken', role: caller.role };
  }

  /** Sign-out, for every caller. With an API token there is no session to end: nothing happens. */
  @RequiresRole('viewer')
  @Delete()
  @HttpCode(HttpStatus.NO_CONTENT)
  async signOut(@CurrentCaller() caller: Caller): Promise<void> {
    if (caller.kind === 'session') await this.sessions.end(caller.tokenHash);
  }
}
