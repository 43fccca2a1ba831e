/** Claims: stored accusations with filters, and one by its stored id (`doc-…:c1`). */
import type { FastifyInstance } from 'fastify';
import { COUNTRY, errorResponses, OPERATION, pageQuery, paged } from '../../schemas.js';
import type { Service } from '../../service.js';

interface ClaimsQuery {
  actor?: string;
  country?: string;
  operation?: string;
  limit: number;
  offset: number;
}

export function claimRoutes(app: FastifyInstance, service: Service): void {
  app.get<{ Querystring: ClaimsQuery }>(
    '/api/claims',
    {
      schema: {
        tags: ['claims'],
        summary: 'Stored accusations, newest first',
        querystring: {
          type: 'object',
          properties: {
            actor: {
              type: 'string',
              minLength: 1,
              maxLength: 200,
              description: 'name, alias or knowledge-base id',
            },
            country: COUNTRY,
            operation: OPERATION,
            ...pageQuery,
          },
          additionalProperties: false,
        },
        response: { 200: paged('Claim'), 400: { $ref: 'Error#' } },
      },
    },
    async (req) => service.listClaims(req.query),
  );

  app.get<{ Params: { id: string } }>(
    '/api/claims/:id',
    {
      schema: {
        tags: ['claims'],
        summary: 'One claim with its evidence and the responses that answer it',
        params: { type: 'object', properties: { id: { type: 'string', minLength: 1, maxLength: 200 } } },
        response: { 200: { $ref: 'Claim#' }, ...errorResponses },
      },
    },
    async (req) => service.getClaim(req.params.id),
  );
}
