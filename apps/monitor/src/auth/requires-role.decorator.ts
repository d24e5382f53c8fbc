import type { Role } from '@ihm/contracts';
import { SetMetadata } from '@nestjs/common';

export const REQUIRED_ROLE = 'requiredRole';

/**
 * The least role a route needs, where it differs from the default: reading (GET) needs viewer, anything else
 * editor. Admin routes (API tokens) say admin; a write every signed-in caller may do (sign-out) says viewer.
 */
export const RequiresRole = (role: Role) => SetMetadata(REQUIRED_ROLE, role);

export const SESSIONS_ONLY = 'sessionsOnly';

/** A route for a signed-in user's own account (their password): a token has none, whatever its role (403). */
export const SessionsOnly = () => SetMetadata(SESSIONS_ONLY, true);
