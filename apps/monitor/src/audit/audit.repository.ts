import type { AuditEvent, AuditQuery } from '@ihm/contracts';
import { Prisma, PrismaClient } from '@ihm/db';
import { Inject, Injectable } from '@nestjs/common';

export interface NewAuditEvent {
  actor: AuditEvent['actor'];
  action: string;
  objectType: string;
  objectId: string | null;
  objectName: string | null;
  fields: string[];
}

interface Row {
  id: bigint;
  at: Date;
  actor_kind: AuditEvent['actor']['kind'];
  actor_id: string | null;
  actor_name: string;
  action: string;
  object_type: string;
  object_id: string | null;
  object_name: string | null;
  fields: string[] | null;
}

/** The audit log: appended to, read newest first. */
/** Runs on the app's client or, for a config file's apply, on one transaction (ConfigStateRepository). */
@Injectable()
export class AuditRepository {
  constructor(@Inject(PrismaClient) private readonly prisma: Prisma.TransactionClient) {}

  async append(event: NewAuditEvent): Promise<void> {
    await this.prisma.auditEvent.create({
      data: {
        actorKind: event.actor.kind,
        actorId: event.actor.id,
        actorName: event.actor.name,
        action: event.action,
        objectType: event.objectType,
        objectId: event.objectId,
        objectName: event.objectName,
        fields: event.fields,
      },
    });
  }

  /**
   * Newest first. An event that has no object name (a deletion answers nothing) takes the name of the latest
   * earlier event about the same object.
   */
  async page(query: AuditQuery): Promise<AuditEvent[]> {
    const rows = await this.prisma.$queryRaw<Row[]>`
      SELECT e.id, e.at, e.actor_kind, e.actor_id, e.actor_name, e.action, e.object_type, e.object_id, e.fields,
        coalesce(e.object_name, (
          SELECT p.object_name FROM audit_events p
          WHERE p.object_type = e.object_type AND p.object_id = e.object_id AND p.id < e.id
            AND p.object_name IS NOT NULL
          ORDER BY p.id DESC LIMIT 1
        )) AS object_name
      FROM audit_events e
      WHERE (${query.before ?? null}::bigint IS NULL OR e.id < ${query.before ?? null}::bigint)
        AND (${query.objectType ?? null}::text IS NULL OR e.object_type = ${query.objectType ?? null})
        AND (${query.objectId ?? null}::text IS NULL OR e.object_id = ${query.objectId ?? null})
      ORDER BY e.id DESC
      LIMIT ${query.limit}`;
    return rows.map((row) => ({
      id: row.id.toString(),
      at: row.at.toISOString(),
      actor: { kind: row.actor_kind, id: row.actor_id, name: row.actor_name },
      action: row.action,
      object: { type: row.object_type, id: row.object_id, name: row.object_name },
      fields: row.fields ?? [],
    }));
  }
}
