import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module';
import { ApiTokenController } from './api-token.controller';
import { ApiTokenRepository } from './api-token.repository';
import { ApiTokenService } from './api-token.service';
import { AdminPasswordBootstrap } from './admin-password.bootstrap';
import { SessionController } from './session.controller';
import { SessionRepository } from './session.repository';
import { SessionService } from './session.service';
import { SignInThrottle } from './sign-in-throttle';
import { SignInService } from './sign-in.service';
import { AccountController, UserController } from './user.controller';
import { UserRepository } from './user.repository';
import { UserService } from './user.service';

/** Users, the first admin's password, sessions, sign-in and API tokens; the app-wide guard checks tokens with their services. */
@Module({
  imports: [DatabaseModule],
  controllers: [SessionController, ApiTokenController, UserController, AccountController],
  providers: [
    AdminPasswordBootstrap,
    ApiTokenRepository,
    ApiTokenService,
    SessionRepository,
    SessionService,
    SignInService,
    SignInThrottle,
    UserRepository,
    UserService,
  ],
  exports: [SessionService, ApiTokenService, AdminPasswordBootstrap],
})
export class AuthModule {}
