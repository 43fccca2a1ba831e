/** GET /api/export: the exports of `cyberclaims export` (STIX 2.1, MISP, CSV, JSON Lines) over HTTP. */
import type { FastifyInstance } from 'fastify';
import { EXPORT_FORMATS, type ExportFormat, type ExportSelection } from '../../../export/index.js';
import { OPERATIONS } from '../../../types.js';
import type { Service } from '../../service.js';

interface ExportQuery {
  format: ExportFormat;
  incident?: string;
  actor?: string;
  country?: string;
  operation?: string;
  since?: string;
  until?: string;
  limit?: number;
  include_personal_data?: boolean;
}

const DAY = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;

export function exportRoutes(app: FastifyInstance, service: Service): void {
  app.get<{ Querystring: ExportQuery }>(
    '/api/export',
    {
      schema: {
        tags: ['export'],
        summary: 'One incident, or the incidents the filters select, as STIX 2.1, MISP, CSV or JSON Lines',
        description:
          'The same output as `cyberclaims export`. Identity numbers, birthdates, phone numbers and e-mail addresses are masked unless include_personal_data=true.',
        querystring: {
          type: 'object',
          properties: {
            format: { type: 'string', enum: [...EXPORT_FORMATS] },
            incident: { type: 'string', pattern: '^inc-[0-9a-f]+$' },
            actor: { type: 'string', minLength: 1, maxLength: 200 },
            country: { type: 'string', pattern: '^[A-Za-z]{2}$' },
            operation: { type: 'string', enum: [...OPERATIONS] },
            since: DAY,
            until: DAY,
            limit: { type: 'integer', minimum: 1, maximum: 10000 },
            include_personal_data: { type: 'boolean', default: false },
          },
          required: ['format'],
          additionalProperties: false,
        },
        response: { 400: { $ref: 'Error#' }, 404: { $ref: 'Error#' } },
      },
    },
    async (req, reply) => {
      const q = req.query;
      const selection: ExportSelection =
        q.incident !== undefined
          ? { kind: 'incident', id: q.incident }
          : {
              kind: 'filter',
              filter: {
                ...(q.actor ? { actor: service.actorKey(q.actor) } : {}),
                ...(q.country ? { country: q.country.toUpperCase() } : {}),
                ...(q.operation ? { operation: q.operation } : {}),
                ...(q.since ? { since: q.since } : {}),
                ...(q.until ? { until: q.until } : {}),
                ...(q.limit ? { limit: q.limit } : {}),
              },
            };
      const out = await service.export(q.format, selection, q.include_personal_data === true);
      const ext = q.format === 'stix' || q.format === 'misp' ? 'json' : q.format;
      return reply
        .header('content-type', out.mediaType)
        .header('content-disposition', `attachment; filename="cyberclaims-${q.format}.${ext}"`)
        .header('x-cyberclaims-incidents', String(out.incidents))
        .send(out.text);
    },
  );
}
