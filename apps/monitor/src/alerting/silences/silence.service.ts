import type { Silence, SilenceList, SilenceRequest } from '@ihm/contracts';
import { Injectable } from '@nestjs/common';
import { managedByFile, MonitorError } from '../../common/monitor-error';
import { SilenceRepository, type StoredSilence } from './silence.repository';

/** Evaluation reads silences for every batch: a short cache, refreshed on every change here. */
const CACHE_MS = 5_000;

const toSilence = (silence: StoredSilence): Silence => ({
  id: silence.id,
  scope: silence.scope,
  startsAt: silence.startsAt.toISOString(),
  endsAt: silence.endsAt.toISOString(),
  comment: silence.comment,
  recurrence: silence.recurrence ?? null,
  managedBy: silence.managedBy,
  createdAt: silence.createdAt.toISOString(),
});

@Injectable()
export class SilenceService {
  private cache: { silences: Promise<StoredSilence[]>; at: number } | null = null;

  constructor(private readonly repository: SilenceRepository) {}

  async create(silence: SilenceRequest): Promise<Silence> {
    return this.changed(toSilence(await this.repository.create(silence)));
  }

  async list(): Promise<SilenceList> {
    return { items: (await this.repository.list()).map(toSilence) };
  }

  async get(id: string): Promise<Silence> {
    return toSilence(await this.find(id));
  }

  async update(id: string, silence: SilenceRequest): Promise<Silence> {
    refuseIfManaged(await this.find(id));
    const updated = await this.repository.update(id, silence);
    if (!updated) throw notFound(id);
    return this.changed(toSilence(updated));
  }

  /** Ending a silence early: what it held is sent at the next release. */
  async remove(id: string): Promise<void> {
    refuseIfManaged(await this.find(id));
    if (!(await this.repository.delete(id))) throw notFound(id);
    this.changed(null);
  }

  /** The silences that have not ended, at most CACHE_MS old in this process. */
  async current(now = new Date()): Promise<StoredSilence[]> {
    if (!this.cache || now.getTime() - this.cache.at > CACHE_MS) {
      const silences = this.repository.current(now);
      this.cache = { silences, at: now.getTime() };
      silences.catch(() => (this.cache = null));
    }
    return this.cache.silences;
  }

  private changed<T>(value: T): T {
    this.cache = null;
    return value;
  }

  private async find(id: string): Promise<StoredSilence> {
    const silence = await this.repository.findById(id);
    if (!silence) throw notFound(id);
    return silence;
  }
}

function refuseIfManaged(silence: StoredSilence): void {
  if (silence.managedBy) throw managedByFile('silence', silence.comment, silence.managedBy);
}

const notFound = (id: string) => new MonitorError('SILENCE_NOT_FOUND', `No silence with id ${id}`);
