import type { IncomingMessage } from 'node:http';

/**
 * One request at a time per upload. A new request for an upload takes it over: the earlier one
 * gets `graceMs` to finish writing what it has already received (after a cut it usually ends by
 * itself), then — if it is still held, typically a dead connection the platform has not noticed —
 * it is destroyed and its bytes flushed, so the offset the new request sees is final. (tusd's 423
 * "locked" answer made clients restart uploads from zero; taking over avoids that.)
 */
export class UploadLocks {
  private readonly holders = new Map<string, { req: IncomingMessage; done: Promise<void> }>();

  constructor(private readonly graceMs = 1000) {}

  /** Ids of the uploads a request holds now. */
  inUse(): string[] {
    return [...this.holders.keys()];
  }

  async acquire(uploadId: string, req: IncomingMessage): Promise<() => void> {
    for (let current = this.holders.get(uploadId); current; current = this.holders.get(uploadId)) {
      let timer: NodeJS.Timeout | undefined;
      const graceOver = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), this.graceMs)));
      const outcome = await Promise.race([current.done, graceOver]);
      clearTimeout(timer);
      if (outcome === 'late') {
        current.req.destroy();
        await current.done;
      }
    }
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    this.holders.set(uploadId, { req, done });
    return () => {
      this.holders.delete(uploadId);
      release();
    };
  }
}
