/**
 * The server stage: buildApp() (the Fastify app: JSON API, OpenAPI, the web app) and startServer()
 * (what `cyberclaims serve` runs). Routes live in routes/<resource>/; what they call in service.ts.
 */
export { buildApp, CSP_DIRECTIVES, defaultWebRoot, type AppOptions } from './app.js';
export { isLoopback } from './security.js';
export { startServer, type ServerOptions, type RunningServer } from './start.js';
