import type { ErrorBody } from '@ihm/contracts';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { MonitorError, type MonitorErrorCode } from './monitor-error';

const STATUS_BY_CODE: Record<MonitorErrorCode, number> = {
  VALIDATION_FAILED: HttpStatus.BAD_REQUEST,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  API_TOKEN_NOT_FOUND: HttpStatus.NOT_FOUND,
  USER_NOT_FOUND: HttpStatus.NOT_FOUND,
  USER_EMAIL_TAKEN: HttpStatus.CONFLICT,
  INVITE_NOT_FOUND: HttpStatus.NOT_FOUND,
  TOO_MANY_ATTEMPTS: HttpStatus.TOO_MANY_REQUESTS,
  INTEGRATION_NOT_FOUND: HttpStatus.NOT_FOUND,
  INTEGRATION_NAME_TAKEN: HttpStatus.CONFLICT,
  INTEGRATION_NOT_PROBED: HttpStatus.CONFLICT,
  ALERT_RULE_NOT_FOUND: HttpStatus.NOT_FOUND,
  ALERT_RULE_NAME_TAKEN: HttpStatus.CONFLICT,
  CHANNEL_NOT_FOUND: HttpStatus.NOT_FOUND,
  CHANNEL_NAME_TAKEN: HttpStatus.CONFLICT,
  MANAGED_BY_FILE: HttpStatus.CONFLICT,
  NO_SHAPE_DRIFT: HttpStatus.CONFLICT,
  ALERT_NOT_FOUND: HttpStatus.NOT_FOUND,
  SILENCE_NOT_FOUND: HttpStatus.NOT_FOUND,
  SECRETS_UNREADABLE: HttpStatus.INTERNAL_SERVER_ERROR,
};

/** body-parser's errors carry a `type`; they are the client's fault and say so. */
const BODY_PARSER_ERRORS: Record<string, { status: number; message: string }> = {
  'entity.parse.failed': { status: 400, message: 'The request body is not valid JSON' },
  'entity.too.large': { status: 413, message: 'The request body is too large' },
  'encoding.unsupported': { status: 415, message: 'The request body encoding is not supported' },
};

/** The one place that shapes error responses: `ErrorBody`, never a stack trace. */
@Catch()
export class ErrorBodyFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) {
      // An Error keeps its stack in the log line's `err`; the client never sees it.
      this.logger.error(exception instanceof Error ? exception : String(exception));
    }
    if (body.statusCode === 401)
      response.setHeader('WWW-Authenticate', 'Bearer realm="integration-health-monitor"');
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof MonitorError) {
      const statusCode = STATUS_BY_CODE[exception.code];
      const message = statusCode >= 500 ? 'Internal server error' : exception.message;
      return {
        ...envelope(statusCode, message),
        ...(exception.details ? { details: exception.details } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'object' && response !== null && 'message' in response
          ? [response.message].flat().join('; ')
          : exception.message;
      return envelope(statusCode, message);
    }
    const parserError = BODY_PARSER_ERRORS[(exception as { type?: string } | null)?.type ?? ''];
    if (parserError) return envelope(parserError.status, parserError.message);
    return envelope(500, 'Internal server error');
  }
}

function envelope(statusCode: number, message: string): ErrorBody {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
}
