const MINUTE_MS = 60_000;

/** How many integrations this process registered within the last minute: tells a bulk registration from one. */
export class RegistrationPace {
  private times: number[] = [];
  private head = 0;

  /** Counts a registration now and returns how many there were within the last minute, this one included. */
  record(now = Date.now()): number {
    while (this.head < this.times.length && this.times[this.head]! <= now - MINUTE_MS) this.head += 1;
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
    this.times.push(now);
    return this.times.length - this.head;
  }
}
