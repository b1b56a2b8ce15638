/**
 * `/review` is cheap to type and costly to run: each pull request accepts a few commands per
 * window (per process; with several replicas each keeps its own count). A refused command is
 * logged, not answered, so that a loop of comments cannot make the app comment in turn.
 */
export class CommandLimiter {
  private readonly accepted = new Map<string, number[]>();

  constructor(
    private readonly maxPerWindow = 3,
    private readonly windowMs = 10 * 60_000,
  ) {}

  /** Records and allows the command, or refuses it when this PR used up its window. */
  allow(pullRequest: string, now = Date.now()): boolean {
    const recent = (this.accepted.get(pullRequest) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.maxPerWindow) {
      this.accepted.set(pullRequest, recent);
      return false;
    }
    recent.push(now);
    this.accepted.set(pullRequest, recent);
    // Forget pull requests whose window is over, so the map stays as small as the active set.
    if (this.accepted.size > 10_000) for (const [k, v] of this.accepted) if (v.every((t) => now - t >= this.windowMs)) this.accepted.delete(k);
    return true;
  }
}
