import type { Silence, SilenceList, SilenceRequest } from '@ihm/contracts';
import { Injectable } from '@nestjs/common';
import { MonitorError } from '../../common/monitor-error';
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
    const silence = await this.repository.findById(id);
    if (!silence) throw notFound(id);
    return toSilence(silence);
  }

  async update(id: string, silence: SilenceRequest): Promise<Silence> {
    const updated = await this.repository.update(id, silence);
    if (!updated) throw notFound(id);
    return this.changed(toSilence(updated));
  }

  /** Ending a silence early: what it held is sent at the next release. */
  async remove(id: string): Promise<void> {
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
}

const notFound = (id: string) => new MonitorError('SILENCE_NOT_FOUND', `No silence with id ${id}`);
