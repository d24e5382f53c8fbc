import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'isPublic';

/** Marks a route that answers without a token: health, readiness and sign-in only. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
