import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module';
import { AdminAccountRepository } from './admin-account.repository';
import { ApiTokenController } from './api-token.controller';
import { ApiTokenRepository } from './api-token.repository';
import { ApiTokenService } from './api-token.service';
import { AdminPasswordBootstrap } from './admin-password.bootstrap';
import { SessionController } from './session.controller';
import { SessionRepository } from './session.repository';
import { SessionService } from './session.service';
import { SignInThrottle } from './sign-in-throttle';
import { SignInService } from './sign-in.service';

/** The admin password, dashboard sessions, sign-in and API tokens; the app-wide guard checks tokens with their services. */
@Module({
  imports: [DatabaseModule],
  controllers: [SessionController, ApiTokenController],
  providers: [
    AdminAccountRepository,
    AdminPasswordBootstrap,
    ApiTokenRepository,
    ApiTokenService,
    SessionRepository,
    SessionService,
    SignInService,
    SignInThrottle,
  ],
  exports: [SessionService, ApiTokenService, AdminPasswordBootstrap],
})
export class AuthModule {}
