import { PrismaClient, type Prisma } from '@ihm/db';
import { Inject, Injectable } from '@nestjs/common';
import { isUniqueViolation } from '../database/prisma-errors';

/** Small named facts about this installation (app_settings), shared by every monitor on the database. */
@Injectable()
export class AppSettingRepository {
  constructor(@Inject(PrismaClient) private readonly prisma: PrismaClient) {}

  async has(key: string): Promise<boolean> {
    return (await this.prisma.appSetting.findUnique({ where: { key }, select: { key: true } })) !== null;
  }

  /** Writes the setting unless it exists; true when this call wrote it (so exactly one monitor wins a race). */
  async claim(key: string, value: Prisma.InputJsonValue): Promise<boolean> {
    try {
      await this.prisma.appSetting.create({ data: { key, value } });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }
}
