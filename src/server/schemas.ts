/**
 * JSON schemas shared by the routes: they validate requests, shape responses (fast-json-stringify)
 * and become the OpenAPI document. Vocabulary values come from src/types.ts so the API cannot drift
 * from the contract.
 */
import { KINDS, OPERATIONS, SECTORS } from '../types.js';

const str = { type: 'string' } as const;
const nullableStr = { type: ['string', 'null'] } as const;
const int = { type: 'integer' } as const;
const strings = { type: 'array', items: str } as const;

export const errorSchema = {
  $id: 'Error',
  type: 'object',
  description:
    'Every failure: a stable code and a one-line message saying what was expected and what was found.',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { ...str, examples: ['NOT_FOUND'] },
        message: str,
        details: {
          type: 'array',
          items: { type: 'object', properties: { path: str, message: str } },
        },
      },
      required: ['code', 'message'],
    },
  },
  required: ['error'],
} as const;

export const partySchema = {
  $id: 'Party',
  type: 'object',
  properties: {
    name: str,
    id: nullableStr,
    country: nullableStr,
    kind: { type: 'string', enum: [...KINDS] },
    aliases: strings,
  },
  required: ['name', 'id', 'country', 'kind', 'aliases'],
} as const;

export const spanSchema = {
  $id: 'Span',
  type: 'object',
  description: 'A stretch of the document text: text === documentText.slice(start, end) (UTF-16 offsets).',
  properties: { text: str, start: int, end: int },
  required: ['text', 'start', 'end'],
} as const;

export const responseSchema = {
  $id: 'Response',
  type: 'object',
  properties: {
    type: { type: 'string', enum: ['denial', 'no-response', 'confirmation'] },
    by: { $ref: 'Party#' },
    claim: nullableStr,
    evidence: { type: 'array', items: { $ref: 'Span#' } },
  },
  required: ['type', 'by', 'claim', 'evidence'],
} as const;

export const claimSchema = {
  $id: 'Claim',
  type: 'object',
  description: 'A stored accusation: the contract claim plus where it came from.',
  properties: {
    storedId: { ...str, description: '`${documentId}:${claim id}`' },
    documentId: str,
    source: str,
    title: nullableStr,
    outlet: nullableStr,
    published: nullableStr,
    id: str,
    type: { type: 'string', enum: ['accusation'] },
    claimant: { $ref: 'Party#' },
    accused: { type: 'array', items: { $ref: 'Party#' } },
    operations: strings,
    sectors: strings,
    targetCountries: strings,
    individualsNamed: { type: ['integer', 'null'] },
    period: nullableStr,
    hedged: { type: 'boolean' },
    evidence: { type: 'array', items: { $ref: 'Span#' } },
    techniques: {
      type: 'array',
      items: { type: 'object', properties: { framework: str, id: str, name: str } },
    },
    responses: { type: 'array', items: { $ref: 'Response#' } },
  },
} as const;

const documentSummaryProps = {
  id: str,
  source: str,
  title: nullableStr,
  outlet: nullableStr,
  published: nullableStr,
  url: nullableStr,
  contentHash: str,
  ingestedAt: str,
} as const;

export const documentSummarySchema = {
  $id: 'DocumentSummary',
  type: 'object',
  properties: documentSummaryProps,
} as const;

export const highlightSchema = {
  type: 'object',
  description: 'An evidence sentence of a claim, or of a response (denial…), as offsets into the text.',
  properties: {
    start: int,
    end: int,
    kind: { type: 'string', enum: ['evidence', 'response'] },
    claim: nullableStr,
  },
} as const;

export const documentSchema = {
  $id: 'Document',
  type: 'object',
  properties: {
    ...documentSummaryProps,
    text: { ...str, description: 'Untrusted article text: render as text, never as HTML.' },
    claims: { type: 'array', items: { $ref: 'Claim#' } },
    responses: { type: 'array', items: { $ref: 'Response#' } },
    mentions: {
      type: 'array',
      description: 'Where the actors of the claims and responses are named in the text.',
      items: {
        type: 'object',
        properties: {
          start: int,
          end: int,
          text: str,
          actor: {
            type: 'object',
            properties: { id: str, name: str, country: nullableStr, kind: str },
          },
        },
      },
    },
    highlights: { type: 'array', items: highlightSchema },
    incidents: strings,
  },
} as const;

const gradeSchema = {
  type: 'object',
  properties: {
    reliability: { type: 'string', enum: ['A', 'B', 'C', 'D', 'E', 'F'] },
    credibility: { type: 'integer', minimum: 1, maximum: 6 },
    reasons: strings,
  },
} as const;

export const incidentSummarySchema = {
  $id: 'IncidentSummary',
  type: 'object',
  properties: {
    id: str,
    claimant: { $ref: 'Party#' },
    accused: { type: 'array', items: { $ref: 'Party#' } },
    operations: strings,
    sectors: strings,
    targetCountries: strings,
    firstReported: nullableStr,
    lastReported: nullableStr,
    sources: int,
    independentSources: int,
    conflicts: { ...strings, description: 'Attributes on which the sources disagree.' },
    denied: { type: 'boolean' },
    basis: { type: 'string', enum: ['state', 'it-security', 'legal', 'media', 'contested'] },
    grade: gradeSchema,
  },
} as const;

export const incidentSchema = {
  $id: 'Incident',
  type: 'object',
  description: 'The "incidents" contract object (CONTRACT.md).',
  properties: {
    id: str,
    claimant: { $ref: 'Party#' },
    accused: { type: 'array', items: { $ref: 'Party#' } },
    operations: strings,
    sectors: strings,
    firstReported: nullableStr,
    sources: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          document: str,
          claim: str,
          outlet: nullableStr,
          published: nullableStr,
          syndicationGroup: str,
          reason: str,
        },
      },
    },
    independentSources: int,
    comparison: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          attribute: str,
          values: {
            type: 'array',
            items: {
              type: 'object',
              properties: { value: {}, sources: strings },
            },
          },
          conflict: { type: 'boolean' },
          note: str,
        },
      },
    },
    basis: str,
    grade: gradeSchema,
  },
} as const;

export const actorSummarySchema = {
  $id: 'ActorSummary',
  type: 'object',
  properties: {
    id: { ...str, description: 'Knowledge-base id, or the key of an unknown actor (`~CN:threat-group`).' },
    name: str,
    kind: { type: 'string', enum: [...KINDS] },
    country: nullableStr,
    known: { type: 'boolean', description: 'Whether the knowledge base knows the actor.' },
    aliases: strings,
    made: int,
    received: int,
    incidentsMade: int,
    incidentsReceived: int,
  },
} as const;

/** Every shared schema, registered once with app.addSchema. */
export const SHARED_SCHEMAS = [
  errorSchema,
  partySchema,
  spanSchema,
  responseSchema,
  claimSchema,
  documentSummarySchema,
  documentSchema,
  incidentSummarySchema,
  incidentSchema,
  actorSummarySchema,
] as const;

export const pageQuery = {
  limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
  offset: { type: 'integer', minimum: 0, maximum: 10_000_000, default: 0 },
} as const;

export const pageProps = { total: int, limit: int, offset: int } as const;

/** A paged list of `ref`. */
export const paged = (ref: string, extra: Record<string, unknown> = {}) =>
  ({
    type: 'object',
    properties: { items: { type: 'array', items: { $ref: `${ref}#` } }, ...pageProps, ...extra },
  }) as const;

export const errorResponses = {
  400: { $ref: 'Error#' },
  404: { $ref: 'Error#' },
} as const;

export const COUNTRY = { type: 'string', pattern: '^[A-Za-z]{2}$' } as const;
export const DAY = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date' } as const;
export const OPERATION = { type: 'string', enum: [...OPERATIONS] } as const;
export const SECTOR = { type: 'string', enum: [...SECTORS] } as const;
