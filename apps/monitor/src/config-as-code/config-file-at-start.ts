import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { ConfigFileError } from './config-problem';
import { ConfigFileService } from './config-file.service';
import { describePlan } from './config-plan';
import type { Environment } from './env-references';

const logger = new Logger('ConfigFile');

/**
 * CONFIG_FILE: applied before the monitor starts probing, so that what runs is what the file says. A file that
 * cannot be applied stops the start with its problems (file:line:column: field: message).
 */
export async function applyConfigFileAtStart(
  app: INestApplicationContext,
  path: string,
  env: Environment,
): Promise<void> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new ConfigFileError([
      {
        file: path,
        line: 1,
        column: 1,
        field: '',
        message: `cannot be read (${error.code ?? error.message})`,
      },
    ]);
  });
  const plan = await app.get(ConfigFileService).apply({ file: path, text, env });
  for (const line of describePlan(plan).split('\n')) if (line) logger.log(line);
}
