/** GET /api/search: full-text search over documents (SQLite FTS5 behind the Store). */
import type { FastifyInstance } from 'fastify';
import { pageQuery } from '../../schemas.js';
import type { Service } from '../../service.js';

export function searchRoutes(app: FastifyInstance, service: Service): void {
  app.get<{ Querystring: { q: string; limit: number; offset: number } }>(
    '/api/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Documents whose title or text contain every word of q, best first',
        description:
          'Words are matched whole (accents ignored); "quoted phrases" and a trailing * for a prefix.',
        querystring: {
          type: 'object',
          properties: { q: { type: 'string', minLength: 1, maxLength: 500 }, ...pageQuery },
          required: ['q'],
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            properties: {
              total: { type: 'integer' },
              limit: { type: 'integer' },
              offset: { type: 'integer' },
              hits: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    document: { $ref: 'DocumentSummary#' },
                    snippet: { type: 'string', description: 'plain text' },
                    highlights: {
                      type: 'array',
                      items: {
                        type: 'object',
                        properties: { start: { type: 'integer' }, end: { type: 'integer' } },
                      },
                    },
                    score: { type: 'number' },
                  },
                },
              },
            },
          },
          400: { $ref: 'Error#' },
        },
      },
    },
    async (req) => {
      const { q, limit, offset } = req.query;
      return { ...(await service.search(q, { limit, offset })), limit, offset };
    },
  );
}
