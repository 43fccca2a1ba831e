/** Actors: who appears in the stored claims, searchable; one with aliases and accusations made and received. */
import type { FastifyInstance } from 'fastify';
import { KINDS } from '../../../types.js';
import { actorSummarySchema, COUNTRY, errorResponses, pageQuery, paged } from '../../schemas.js';
import type { Service } from '../../service.js';

interface ActorsQuery {
  q?: string;
  kind?: string;
  country?: string;
  role?: 'accuser' | 'accused';
  limit: number;
  offset: number;
}

export function actorRoutes(app: FastifyInstance, service: Service): void {
  app.get<{ Querystring: ActorsQuery }>(
    '/api/actors',
    {
      schema: {
        tags: ['actors'],
        summary: 'Actors in the stored claims, most active first; q searches names, aliases and ids',
        querystring: {
          type: 'object',
          properties: {
            q: { type: 'string', maxLength: 200 },
            kind: { type: 'string', enum: [...KINDS] },
            country: COUNTRY,
            role: { type: 'string', enum: ['accuser', 'accused'] },
            ...pageQuery,
          },
          additionalProperties: false,
        },
        response: { 200: paged('ActorSummary'), 400: { $ref: 'Error#' } },
      },
    },
    async (req) => service.listActors(req.query),
  );

  app.get<{ Params: { id: string } }>(
    '/api/actors/:id',
    {
      schema: {
        tags: ['actors'],
        summary:
          'One actor (id, or a name or alias the knowledge base knows): aliases, accusations made and received',
        params: { type: 'object', properties: { id: { type: 'string', minLength: 1, maxLength: 300 } } },
        response: {
          200: {
            type: 'object',
            properties: {
              ...actorSummarySchema.properties,
              accusationsMade: { type: 'array', items: { $ref: 'IncidentSummary#' } },
              accusationsReceived: { type: 'array', items: { $ref: 'IncidentSummary#' } },
              claimsMade: { type: 'array', items: { $ref: 'Claim#' } },
              claimsReceived: { type: 'array', items: { $ref: 'Claim#' } },
              responses: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { documentId: { type: 'string' }, response: { $ref: 'Response#' } },
                },
              },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (req) => service.getActor(req.params.id),
  );
}
