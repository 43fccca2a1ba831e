/** GET /api/health: liveness, what the store holds, and whether writes need a token. */
import type { FastifyInstance } from 'fastify';
import type { Service } from '../../service.js';

export function healthRoutes(
  app: FastifyInstance,
  service: Service,
  opts: { writeRequiresToken: boolean },
): void {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness and counts',
        response: {
          200: {
            type: 'object',
            properties: {
              status: { type: 'string', enum: ['ok'] },
              version: { type: 'string' },
              documents: { type: 'integer' },
              claims: { type: 'integer' },
              responses: { type: 'integer' },
              parties: { type: 'integer' },
              writeRequiresToken: { type: 'boolean' },
            },
          },
        },
      },
    },
    async () => ({
      ...(await service.health()),
      version: app.cyberclaimsVersion,
      writeRequiresToken: opts.writeRequiresToken,
    }),
  );
}
