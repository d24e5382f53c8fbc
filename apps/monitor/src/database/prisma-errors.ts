import { Prisma } from '@ihm/db';

/** A unique index refused the write (a name in use). */
export const isUniqueViolation = (error: unknown): boolean =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';

/** The row to update or delete does not exist (deleted meanwhile). */
export const isRecordMissing = (error: unknown): boolean =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025';
