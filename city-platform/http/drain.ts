import type { ServerResponse } from 'node:http';

/**
 * Wait until `res` can take more bytes, or is closed. Both listeners are removed whichever comes
 * first: a long download on a slow link waits thousands of times, and listeners left behind would
 * pile up on the response.
 */
export function drainOrClose(res: ServerResponse): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });
}
