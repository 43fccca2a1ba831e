/**
 * buildApp(): the Fastify instance behind `cyberclaims serve` — the JSON API under /api (validated by
 * JSON schemas, described at /api/openapi.json), the built web app from dist/web, helmet headers with
 * a strict Content-Security-Policy, request size limits and the write token.
 */
import fs from 'node:fs';
import path from 'node:path';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { loadOutletRegistry, type OutletRegistry } from '../incidents/index.js';
import { DEFAULT_MAX_BYTES } from '../ingest/index.js';
import { packageRoot, type KnowledgeBase } from '../kb/index.js';
import type { Store } from '../store/index.js';
import { errorHandler, notFoundBody } from './errors.js';
import { actorRoutes } from './routes/actors/index.js';
import { claimRoutes } from './routes/claims/index.js';
import { documentRoutes } from './routes/documents/index.js';
import { exportRoutes } from './routes/export/index.js';
import { healthRoutes } from './routes/health/index.js';
import { incidentRoutes } from './routes/incidents/index.js';
import { overviewRoutes } from './routes/overview/index.js';
import { searchRoutes } from './routes/search/index.js';
import { SHARED_SCHEMAS } from './schemas.js';
import { writeGuard } from './security.js';
import { Service } from './service.js';

declare module 'fastify' {
  interface FastifyInstance {
    cyberclaimsVersion: string;
  }
}

export interface AppOptions {
  readonly store: Store;
  readonly kb: KnowledgeBase;
  readonly registry?: OutletRegistry;
  /**
   * When set, every write (POST, PUT, PATCH, DELETE) must carry `Authorization: Bearer <token>`.
   * `serve` sets it from CYBERCLAIMS_TOKEN, and requires it when bound beyond the loopback interface.
   */
  readonly token?: string | null;
  /** Largest article accepted, in bytes (pasted or uploaded). Default 10 MiB, as `ingest`. */
  readonly maxBytes?: number;
  /** The built web app; default dist/web of the package. A missing folder serves a page saying so. */
  readonly webRoot?: string;
  readonly logger?: boolean;
}

const VERSION = (
  JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string }
).version;

/** The built web app's folder. */
export const defaultWebRoot = (): string => path.join(packageRoot(), 'dist', 'web');

/**
 * Content-Security-Policy for the app and the API: scripts, styles and connections only from the
 * server itself, no inline script, no plugins, no framing. Article text is rendered as text; this
 * is the second line of defence should any of it ever reach the DOM as markup.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  // The server speaks plain HTTP (on loopback by default): upgrading would break every request.
  upgradeInsecureRequests: null,
};

export async function buildApp(o: AppOptions): Promise<FastifyInstance> {
  const maxBytes = o.maxBytes ?? DEFAULT_MAX_BYTES;
  const app = Fastify({
    logger: o.logger ?? false,
    // JSON bodies other than a pasted article (which sets its own) stay small.
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false } },
  });
  app.decorate('cyberclaimsVersion', VERSION);
  const service = new Service({
    store: o.store,
    kb: o.kb,
    registry: o.registry ?? loadOutletRegistry(),
    maxBytes,
  });
  await service.init();

  app.setErrorHandler(errorHandler);
  for (const s of SHARED_SCHEMAS) app.addSchema(s);

  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    // Same-origin only: nothing here is meant to be embedded or fetched by other sites.
    crossOriginResourcePolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  await app.register(multipart, {
    limits: { fileSize: maxBytes, files: 1, fields: 8, fieldSize: 4096, parts: 10, headerPairs: 100 },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'cyberclaims API',
        version: VERSION,
        description:
          'Accusations of state cyber operations: documents, claims, incidents with Admiralty grades, actors, full-text search. Errors are `{"error": {"code", "message"}}`. Article text is untrusted: render it as text.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    hideUntagged: true,
    // Shared schemas keep their names (Party, Claim…) in components.schemas instead of def-0, def-1…
    refResolver: {
      buildLocalReference: (json, _base, _fragment, i) =>
        typeof json.$id === 'string' ? json.$id : `def-${i}`,
    },
  });

  app.addHook('onRequest', writeGuard({ token: o.token ?? null }));

  healthRoutes(app, service, { writeRequiresToken: Boolean(o.token) });
  documentRoutes(app, service, { maxBytes });
  claimRoutes(app, service);
  incidentRoutes(app, service);
  actorRoutes(app, service);
  searchRoutes(app, service);
  overviewRoutes(app, service);
  exportRoutes(app, service);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  // The human-readable reference is a page of the web app, rendered from /api/openapi.json.
  app.get('/api/docs', { schema: { hide: true } }, async (_req, reply) => reply.redirect('/api-docs'));

  const webRoot = o.webRoot ?? defaultWebRoot();
  const haveWeb = fs.existsSync(path.join(webRoot, 'index.html'));
  if (haveWeb) {
    await app.register(fastifyStatic, {
      root: webRoot,
      prefix: '/',
      wildcard: false,
      index: false,
      // Hashed asset names never change; index.html must always be fetched afresh.
      setHeaders: (res, file) => {
        res.header(
          'cache-control',
          file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    const url = req.url.split('?')[0] ?? '/';
    if (req.method === 'GET' && !url.startsWith('/api/') && url !== '/api' && !/\.[a-z0-9]+$/i.test(url)) {
      // Client-side routes (/incidents/inc-…) are the app's own: it reads the path.
      if (haveWeb) return reply.header('cache-control', 'no-cache').sendFile('index.html');
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The web app is not built: run `npm run build`. The API is at /api.');
    }
    return reply.code(404).send(notFoundBody(req.method, url));
  });
  return app;
}
