import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module';
import { AdminAccountRepository } from './admin-account.repository';
import { AdminPasswordBootstrap } from './admin-password.bootstrap';
import { SessionController } from './session.controller';
import { SessionRepository } from './session.repository';
import { SessionService } from './session.service';
import { SignInThrottle } from './sign-in-throttle';
import { SignInService } from './sign-in.service';

/** The admin password, dashboard sessions and sign-in; the app-wide guard checks tokens with SessionService. */
@Module({
  imports: [DatabaseModule],
  controllers: [SessionController],
  providers: [
    AdminAccountRepository,
    AdminPasswordBootstrap,
    SessionRepository,
    SessionService,
    SignInService,
    SignInThrottle,
  ],
  exports: [SessionService, AdminPasswordBootstrap],
})
export class AuthModule {}
