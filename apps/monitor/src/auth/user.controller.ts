import {
  AcceptInviteRequestSchema,
  ChangePasswordRequestSchema,
  CreateUserRequestSchema,
  UpdateUserRequestSchema,
  type AcceptInviteRequest,
  type ChangePasswordRequest,
  type CreateUserRequest,
  type CreatedUser,
  type Session,
  type UpdateUserRequest,
  type User,
  type UserList,
} from '@ihm/contracts';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Put } from '@nestjs/common';
import { ZodPipe } from '../common/zod.pipe';
import { CurrentCaller, type Caller } from './caller';
import { Public } from './public.decorator';
import { RequiresRole, SessionsOnly } from './requires-role.decorator';
import { UserService } from './user.service';

/** Accounts and roles: admins only. */
@RequiresRole('admin')
@Controller('users')
export class UserController {
  constructor(private readonly users: UserService) {}

  @Get()
  list(): Promise<UserList> {
    return this.users.list();
  }

  @Post()
  create(@Body(new ZodPipe(CreateUserRequestSchema)) body: CreateUserRequest): Promise<CreatedUser> {
    return this.users.create(body);
  }

  @Patch(':id')
  update(
    @Param('id') id: string,
    @Body(new ZodPipe(UpdateUserRequestSchema)) body: UpdateUserRequest,
  ): Promise<User> {
    return this.users.update(id, body);
  }
}

/** What a user does for themselves: accept an invitation (the link is the credential), change their password. */
@Controller()
export class AccountController {
  constructor(private readonly users: UserService) {}

  @Public()
  @Post('invites/:invite')
  @HttpCode(HttpStatus.OK)
  accept(
    @Param('invite') invite: string,
    @Body(new ZodPipe(AcceptInviteRequestSchema)) body: AcceptInviteRequest,
  ): Promise<Session> {
    return this.users.acceptInvite(invite, body.password);
  }

  @RequiresRole('viewer')
  @SessionsOnly()
  @Put('session/password')
  changePassword(
    @CurrentCaller() caller: Caller,
    @Body(new ZodPipe(ChangePasswordRequestSchema)) body: ChangePasswordRequest,
  ): Promise<Session> {
    if (caller.kind !== 'session') throw new Error('SessionsOnly let a token through');
    return this.users.changePassword(caller.user.id, body.currentPassword, body.newPassword);
  }
}
