import type { IncomingMessage, ServerResponse } from 'node:http';

/** How long what a client still sends after a refusal is taken in and dropped. */
const LINGER_MS = 2000;

/**
 * The answer to this request is a refusal sent before its body was read: ask the client to close
 * (`Connection: close`) and, once the answer is out, close our side. What the client still sends
 * is discarded for a short while first, so that its TCP stack does not reset the connection before
 * the client has read the answer (a close with unread data sends RST, and a client that receives
 * RST loses what it had not read yet). Node's server would destroy the socket as soon as the
 * answer is flushed (`destroySoon` for a `Connection: close` answer), so this socket's
 * `destroySoon` only half-closes it and the lingering reader destroys it later.
 */
export function closeUnread(req: IncomingMessage, res: ServerResponse): void {
  const socket = req.socket;
  if (res.headersSent) {
    socket.destroy();
    return;
  }
  res.setHeader('Connection', 'close');
  socket.destroySoon = () => {
    if (socket.writable) socket.end();
  };
  res.once('finish', () => {
    socket.end();
    // Take in and drop what still arrives, without parsing it: nothing sent after a refusal is a request.
    socket.removeAllListeners('data');
    socket.on('data', () => undefined);
    socket.resume();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  });
}
