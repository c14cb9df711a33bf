import { z } from 'zod';

const httpUrl = z.url({ protocol: /^https?$/u });
const integer = (min: number, max: number, fallback: number): z.ZodDefault<z.ZodInt> =>
  z.int().min(min).max(max).default(fallback);

/** Log levels of pino, from the most verbose to none. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

/**
 * Schema of the aggregator's configuration. Every field but the network roots and the credentials
 * has a default; `ConfigFields` names the environment variable and flag of each field.
 */
export const AggregatorConfigSchema = z.strictObject({
  /** WebIDs of the networks (or single agents) the crawl starts from. */
  roots: z.array(httpUrl).min(1),
  /** Solid-OIDC client credentials of the aggregator's own WebID. */
  credentials: z.strictObject({
    issuer: httpUrl,
    clientId: z.string().min(1),
    clientSecret: z.string().min(1),
  }),
  /** Address ranges the crawler may connect to beyond public addresses. */
  addressPolicy: z.strictObject({
    allowLoopback: z.boolean().default(false),
    allowPrivate: z.boolean().default(false),
  }),
  /** Limits of one crawl. */
  bounds: z.strictObject({
    maxDocumentsPerPod: integer(1, 1_000_000, 10_000),
    maxContainerDepth: integer(0, 64, 8),
    podTimeLimitSeconds: integer(1, 86_400, 300),
    requestTimeoutSeconds: integer(1, 600, 30),
    retries: integer(0, 10, 3),
    maxResponseBytes: integer(1024, 1_073_741_824, 10_485_760),
    hostConcurrency: integer(1, 64, 4),
    maxSubscriptionsPerPod: integer(0, 10_000, 100),
  }),
  /** Folder of the on-disk document cache, relative to the working directory unless absolute. */
  cacheFolder: z.string().min(1).default('.cache/oce'),
  /** Seconds between two crawls of `oce serve`, the fallback when notifications are missing. */
  pollIntervalSeconds: integer(1, 86_400, 300),
  /** Whether `oce serve` subscribes to Solid Notifications where a server offers them. */
  notifications: z.boolean().default(true),
  /** Address and access control of the HTTP service of `oce serve`. */
  service: z.strictObject({
    host: z.string().min(1).default('127.0.0.1'),
    port: integer(0, 65_535, 3100),
    /** Base URL clients call the service at, when a proxy changes it; DPoP proofs are checked against it. */
    publicUrl: httpUrl.optional(),
    /** Who may read network data: `open` (anyone, the behaviour when unset) or `members`. */
    access: z.enum(['open', 'members']).optional(),
    /** OpenID issuers whose access tokens are accepted; unset means any issuer the caller's WebID names. */
    trustedIssuers: z.array(httpUrl).optional(),
    /** WebIDs of the aggregator's operators, who may read everything and have every role. */
    operators: z.array(httpUrl).optional(),
  }),
  /**
   * The SPARQL store behind `/sparql`: embedded Oxigraph unless `url` names a remote SPARQL 1.1
   * server (Graph Store and Query protocols), with the limits every query runs under.
   */
  store: z.strictObject({
    url: httpUrl.optional(),
    username: z.string().min(1).optional(),
    password: z.string().min(1).optional(),
    queryTimeoutSeconds: integer(1, 3600, 30),
    maxResults: integer(1, 10_000_000, 10_000),
  }),
  logLevel: z.enum(LOG_LEVELS).default('warn'),
});

/** The aggregator's configuration once read and validated, with every default filled in. */
export type AggregatorConfig = z.infer<typeof AggregatorConfigSchema>;
