/**
 * Documents: list, one with its text and the spans of every mention and evidence sentence, and new
 * articles pasted (JSON) or uploaded (multipart), which are extracted, stored and grouped at once.
 */
import type { FastifyInstance } from 'fastify';
import { CyberclaimsError } from '../../../errors.js';
import { errorResponses, pageQuery, paged } from '../../schemas.js';
import type { Service } from '../../service.js';

interface PasteBody {
  content: string;
  format: 'text' | 'markdown' | 'html';
  title?: string;
  url?: string;
  outlet?: string;
  published?: string;
}

const created = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['stored', 'duplicate'] },
    document: { $ref: 'Document#' },
  },
} as const;

const writeErrors = {
  ...errorResponses,
  401: { $ref: 'Error#' },
  413: { $ref: 'Error#' },
  415: { $ref: 'Error#' },
  422: { $ref: 'Error#' },
} as const;

export function documentRoutes(app: FastifyInstance, service: Service, opts: { maxBytes: number }): void {
  app.get<{ Querystring: { limit: number; offset: number } }>(
    '/api/documents',
    {
      schema: {
        tags: ['documents'],
        summary: 'Stored documents, newest first',
        querystring: { type: 'object', properties: pageQuery, additionalProperties: false },
        response: { 200: paged('DocumentSummary'), 400: { $ref: 'Error#' } },
      },
    },
    async (req) => service.listDocuments(req.query),
  );

  app.get<{ Params: { id: string } }>(
    '/api/documents/:id',
    {
      schema: {
        tags: ['documents'],
        summary: 'One document: its text, claims, responses, mention and evidence spans',
        params: { type: 'object', properties: { id: { type: 'string', minLength: 1, maxLength: 2000 } } },
        response: { 200: { $ref: 'Document#' }, ...errorResponses },
      },
    },
    async (req) => service.getDocument(req.params.id),
  );

  app.post<{ Body: PasteBody }>(
    '/api/documents',
    {
      // Room for the JSON quoting around a document of maxBytes.
      bodyLimit: opts.maxBytes * 2 + 64 * 1024,
      schema: {
        tags: ['documents'],
        summary: 'Extract and store a pasted article (text, Markdown or HTML)',
        description:
          'Creates the document, its claims and responses, and updates the incidents. Sending the same text again answers "duplicate" with the stored document.',
        security: [{ bearer: [] }],
        body: {
          type: 'object',
          properties: {
            content: {
              type: 'string',
              minLength: 1,
              description: 'The article: plain text, Markdown or HTML',
            },
            format: { type: 'string', enum: ['text', 'markdown', 'html'], default: 'text' },
            title: { type: 'string', maxLength: 1000 },
            url: { type: 'string', maxLength: 2000, pattern: '^https?://' },
            outlet: { type: 'string', maxLength: 200 },
            published: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}', maxLength: 40 },
          },
          required: ['content'],
          additionalProperties: false,
        },
        response: { 200: created, 201: created, ...writeErrors },
      },
    },
    async (req, reply) => {
      const r = await service.addDocument({ kind: 'content', ...req.body });
      return reply.code(r.status === 'stored' ? 201 : 200).send(r);
    },
  );

  app.post(
    '/api/documents/upload',
    {
      schema: {
        tags: ['documents'],
        summary: 'Extract and store an uploaded file (.txt, .md, .html, .json with one record)',
        description: 'multipart/form-data with one file part named "file".',
        consumes: ['multipart/form-data'],
        security: [{ bearer: [] }],
        response: { 200: created, 201: created, ...writeErrors },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart()) {
        throw new CyberclaimsError('BAD_ARGUMENT', 'expected multipart/form-data with a "file" part');
      }
      const part = await req.file();
      if (!part) throw new CyberclaimsError('BAD_ARGUMENT', 'expected a "file" part, found none');
      const bytes = await part.toBuffer();
      const r = await service.addDocument({ kind: 'file', filename: part.filename, bytes });
      return reply.code(r.status === 'stored' ? 201 : 200).send(r);
    },
  );
}
