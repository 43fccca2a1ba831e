/** Incidents: the list with filters, sorting and facet counts; one with its comparison, grade and articles. */
import type { FastifyInstance } from 'fastify';
import {
  COUNTRY,
  DAY,
  errorResponses,
  highlightSchema,
  OPERATION,
  pageQuery,
  paged,
  SECTOR,
} from '../../schemas.js';
import type { Service } from '../../service.js';
import { INCIDENT_SORTS, type IncidentQuery } from '../../views.js';

const counts = { type: 'object', additionalProperties: { type: 'integer' } } as const;

export function incidentRoutes(app: FastifyInstance, service: Service): void {
  app.get<{ Querystring: IncidentQuery & { limit: number; offset: number } }>(
    '/api/incidents',
    {
      schema: {
        tags: ['incidents'],
        summary: 'Incidents (accusation events across sources), graded',
        querystring: {
          type: 'object',
          properties: {
            actor: {
              type: 'string',
              minLength: 1,
              maxLength: 200,
              description: 'claimant or accused: name, alias or id',
            },
            country: COUNTRY,
            operation: OPERATION,
            sector: SECTOR,
            since: DAY,
            until: DAY,
            reliability: {
              type: 'string',
              enum: ['A', 'B', 'C', 'D', 'E', 'F'],
              description: 'this or better',
            },
            credibility: { type: 'integer', minimum: 1, maximum: 6, description: 'this or better' },
            conflict: { type: 'boolean', description: 'only incidents whose sources disagree' },
            sort: { type: 'string', enum: [...INCIDENT_SORTS], default: 'firstReported' },
            order: { type: 'string', enum: ['asc', 'desc'], default: 'desc' },
            ...pageQuery,
          },
          additionalProperties: false,
        },
        response: {
          200: paged('IncidentSummary', {
            facets: {
              type: 'object',
              description: 'How many of the matching incidents have each value',
              properties: {
                operations: counts,
                sectors: counts,
                countries: counts,
                reliability: counts,
                credibility: counts,
                basis: counts,
                conflicts: { type: 'integer' },
              },
            },
          }),
          400: { $ref: 'Error#' },
        },
      },
    },
    async (req) => service.listIncidents(req.query),
  );

  app.get<{ Params: { id: string } }>(
    '/api/incidents/:id',
    {
      schema: {
        tags: ['incidents'],
        summary:
          'One incident: sources side by side, conflicts, grade with reasons, and each article with its evidence',
        params: { type: 'object', properties: { id: { type: 'string', pattern: '^inc-[A-Za-z0-9]+$' } } },
        response: {
          200: {
            type: 'object',
            properties: {
              incident: { $ref: 'Incident#' },
              summary: { $ref: 'IncidentSummary#' },
              targetCountries: { type: 'array', items: { type: 'string' } },
              articles: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    document: { $ref: 'DocumentSummary#' },
                    claim: { type: 'string' },
                    text: { type: 'string' },
                    highlights: { type: 'array', items: highlightSchema },
                  },
                },
              },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (req) => service.getIncident(req.params.id),
  );
}
