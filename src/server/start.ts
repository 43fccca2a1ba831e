/** Starting the server for `cyberclaims serve`: the bind checks, then listen. */
import type { FastifyInstance } from 'fastify';
import { CyberclaimsError } from '../errors.js';
import { buildApp, type AppOptions } from './app.js';
import { isLoopback } from './security.js';

export interface ServerOptions extends AppOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
}

export interface RunningServer {
  readonly app: FastifyInstance;
  /** `http://host:port` as a browser would write it. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Builds the app and listens. Binding beyond the loopback interface is refused without a token:
 * anyone who can reach the port could otherwise write into the database.
 */
export async function startServer(o: ServerOptions): Promise<RunningServer> {
  if (!isLoopback(o.host) && !o.token) {
    throw new CyberclaimsError(
      'BAD_ARGUMENT',
      `--host ${o.host}: binding beyond 127.0.0.1 needs a token for writes: set CYBERCLAIMS_TOKEN`,
    );
  }
  const app = await buildApp(o);
  try {
    await app.listen({ host: o.host, port: o.port });
  } catch (e) {
    await app.close();
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new CyberclaimsError(
        'BAD_ARGUMENT',
        `--port ${o.port}: already in use on ${o.host}, pick another with --port`,
      );
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
      throw new CyberclaimsError('BAD_ARGUMENT', `--host ${o.host}: not an address of this machine`);
    throw e;
  }
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : o.port;
  const shown = o.host.includes(':') && !o.host.startsWith('[') ? `[${o.host}]` : o.host;
  return { app, url: `http://${shown}:${port}`, close: () => app.close() };
}
