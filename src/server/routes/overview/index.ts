/** Overviews for the app: accusations over time by accusing country, and who accuses whom. */
import type { FastifyInstance } from 'fastify';
import type { Service } from '../../service.js';
import type { GraphLevel } from '../../views.js';

export function overviewRoutes(app: FastifyInstance, service: Service): void {
  app.get(
    '/api/timeline',
    {
      schema: {
        tags: ['overview'],
        summary: 'Incidents per month of first report, one series per accusing country',
        response: {
          200: {
            type: 'object',
            properties: {
              months: { type: 'array', items: { type: 'string' } },
              series: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    country: { type: ['string', 'null'] },
                    total: { type: 'integer' },
                    counts: { type: 'array', items: { type: 'integer' } },
                  },
                },
              },
              undated: { type: 'integer' },
            },
          },
        },
      },
    },
    async () => service.timeline(),
  );

  app.get<{ Querystring: { level: GraphLevel } }>(
    '/api/graph',
    {
      schema: {
        tags: ['overview'],
        summary: 'Who accuses whom: claimant → accused edges weighted by incidents, by country or by actor',
        querystring: {
          type: 'object',
          properties: { level: { type: 'string', enum: ['country', 'actor'], default: 'country' } },
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            properties: {
              level: { type: 'string' },
              nodes: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    id: { type: 'string' },
                    label: { type: 'string' },
                    country: { type: ['string', 'null'] },
                    kind: { type: ['string', 'null'] },
                    made: { type: 'integer' },
                    received: { type: 'integer' },
                  },
                },
              },
              edges: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    from: { type: 'string' },
                    to: { type: 'string' },
                    count: { type: 'integer' },
                    incidents: { type: 'array', items: { type: 'string' } },
                  },
                },
              },
            },
          },
          400: { $ref: 'Error#' },
        },
      },
    },
    async (req) => service.graph(req.query.level),
  );
}
