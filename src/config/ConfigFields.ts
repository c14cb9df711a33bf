/** Conversion of a text value from the environment or the command line into a configuration value. */
export type ConfigValueKind = 'text' | 'list' | 'boolean' | 'integer';

/** One leaf of the configuration: where it can be set and what it accepts. */
export interface ConfigField {
  /** Dotted path in the configuration object, such as `bounds.retries`. */
  path: string;
  /** Environment variable that sets it. */
  env: string;
  /** Command-line flag that sets it, without the leading dashes. */
  flag: string;
  /** Placeholder of the flag's value in help text; absent for a flag without a value. */
  flagValue?: string;
  kind: ConfigValueKind;
  /** Description of a valid value, used in validation errors and help text. */
  expected: string;
  /** Whether the value is a secret that errors and logs must not show. */
  secret?: boolean;
  /** Whether the field may be left unset although it has no default. */
  optional?: boolean;
}

/** Every configuration field, in the order of the README's options table. */
export const CONFIG_FIELDS: readonly ConfigField[] = [
  { path: 'roots', env: 'OCE_ROOTS', flag: 'root', flagValue: '<webId>', kind: 'list',
    expected: 'a list of at least one http(s) WebID URL' },
  { path: 'credentials.issuer', env: 'OCE_AGGREGATOR_ISSUER', flag: 'issuer', flagValue: '<url>', kind: 'text',
    expected: 'the http(s) URL of a Solid-OIDC issuer' },
  { path: 'credentials.clientId', env: 'OCE_AGGREGATOR_CLIENT_ID', flag: 'client-id', flagValue: '<id>',
    kind: 'text', expected: 'a non-empty client credentials id' },
  { path: 'credentials.clientSecret', env: 'OCE_AGGREGATOR_CLIENT_SECRET', flag: 'client-secret',
    flagValue: '<secret>', kind: 'text', expected: 'a non-empty client credentials secret', secret: true },
  { path: 'addressPolicy.allowLoopback', env: 'OCE_ALLOW_LOOPBACK', flag: 'allow-loopback', kind: 'boolean',
    expected: 'true or false' },
  { path: 'addressPolicy.allowPrivate', env: 'OCE_ALLOW_PRIVATE', flag: 'allow-private', kind: 'boolean',
    expected: 'true or false' },
  { path: 'bounds.maxDocumentsPerPod', env: 'OCE_MAX_DOCUMENTS_PER_POD', flag: 'max-documents-per-pod',
    flagValue: '<count>', kind: 'integer', expected: 'an integer from 1 to 1000000' },
  { path: 'bounds.maxContainerDepth', env: 'OCE_MAX_CONTAINER_DEPTH', flag: 'max-container-depth',
    flagValue: '<levels>', kind: 'integer', expected: 'an integer from 0 to 64' },
  { path: 'bounds.podTimeLimitSeconds', env: 'OCE_POD_TIME_LIMIT_SECONDS', flag: 'pod-time-limit',
    flagValue: '<seconds>', kind: 'integer', expected: 'an integer number of seconds from 1 to 86400' },
  { path: 'bounds.requestTimeoutSeconds', env: 'OCE_REQUEST_TIMEOUT_SECONDS', flag: 'request-timeout',
    flagValue: '<seconds>', kind: 'integer', expected: 'an integer number of seconds from 1 to 600' },
  { path: 'bounds.retries', env: 'OCE_RETRIES', flag: 'retries', flagValue: '<count>', kind: 'integer',
    expected: 'an integer from 0 to 10' },
  { path: 'bounds.maxResponseBytes', env: 'OCE_MAX_RESPONSE_BYTES', flag: 'max-response-bytes',
    flagValue: '<bytes>', kind: 'integer', expected: 'an integer number of bytes from 1024 to 1073741824' },
  { path: 'bounds.hostConcurrency', env: 'OCE_HOST_CONCURRENCY', flag: 'host-concurrency', flagValue: '<count>',
    kind: 'integer', expected: 'an integer from 1 to 64' },
  { path: 'bounds.maxSubscriptionsPerPod', env: 'OCE_MAX_SUBSCRIPTIONS_PER_POD', flag: 'max-subscriptions-per-pod',
    flagValue: '<count>', kind: 'integer', expected: 'an integer from 0 to 10000' },
  { path: 'cacheFolder', env: 'OCE_CACHE_FOLDER', flag: 'cache-folder', flagValue: '<dir>', kind: 'text',
    expected: 'a non-empty folder path' },
  { path: 'pollIntervalSeconds', env: 'OCE_POLL_INTERVAL_SECONDS', flag: 'poll-interval', flagValue: '<seconds>',
    kind: 'integer', expected: 'an integer number of seconds from 1 to 86400' },
  { path: 'notifications', env: 'OCE_NOTIFICATIONS', flag: 'notifications', kind: 'boolean',
    expected: 'true or false' },
  { path: 'service.host', env: 'OCE_SERVICE_HOST', flag: 'host', flagValue: '<address>', kind: 'text',
    expected: 'a non-empty host name or IP address' },
  { path: 'service.port', env: 'OCE_SERVICE_PORT', flag: 'port', flagValue: '<port>', kind: 'integer',
    expected: 'an integer port from 0 to 65535' },
  { path: 'service.publicUrl', env: 'OCE_PUBLIC_URL', flag: 'public-url', flagValue: '<url>', kind: 'text',
    expected: 'the http(s) base URL clients call the service at, such as https://aggregator.example/',
    optional: true },
  { path: 'service.access', env: 'OCE_ACCESS', flag: 'access', flagValue: '<mode>', kind: 'text',
    expected: 'open or members', optional: true },
  { path: 'service.trustedIssuers', env: 'OCE_TRUSTED_ISSUERS', flag: 'trusted-issuer', flagValue: '<url>',
    kind: 'list', expected: 'a list of http(s) URLs of OpenID issuers', optional: true },
  { path: 'service.operators', env: 'OCE_OPERATORS', flag: 'operator', flagValue: '<webId>', kind: 'list',
    expected: 'a list of http(s) WebID URLs', optional: true },
  { path: 'store.url', env: 'OCE_STORE_URL', flag: 'store-url', flagValue: '<url>', kind: 'text',
    expected: 'the http(s) base URL of a SPARQL server, such as http://127.0.0.1:8890/', optional: true },
  { path: 'store.username', env: 'OCE_STORE_USERNAME', flag: 'store-username', flagValue: '<name>', kind: 'text',
    expected: 'a non-empty user name of the SPARQL server', optional: true },
  { path: 'store.password', env: 'OCE_STORE_PASSWORD', flag: 'store-password', flagValue: '<password>', kind: 'text',
    expected: 'a non-empty password of the SPARQL server', secret: true, optional: true },
  { path: 'store.queryTimeoutSeconds', env: 'OCE_QUERY_TIMEOUT_SECONDS', flag: 'query-timeout', flagValue: '<seconds>',
    kind: 'integer', expected: 'an integer number of seconds from 1 to 3600' },
  { path: 'store.maxResults', env: 'OCE_MAX_RESULTS', flag: 'max-results', flagValue: '<count>', kind: 'integer',
    expected: 'an integer from 1 to 10000000' },
  { path: 'logLevel', env: 'OCE_LOG_LEVEL', flag: 'log-level', flagValue: '<level>', kind: 'text',
    expected: 'one of trace, debug, info, warn, error, fatal, silent' },
];

/** Dotted paths of the groups that contain fields, such as `bounds`. */
export const CONFIG_GROUPS: ReadonlySet<string> = new Set(
  CONFIG_FIELDS.filter((field) => field.path.includes('.')).map((field) => field.path.split('.')[0]!),
);

/** Returns the field with the given dotted path, or undefined. */
export function findConfigField(path: string): ConfigField | undefined {
  return CONFIG_FIELDS.find((field) => field.path === path);
}

/** Returns the commander attribute name of a flag: `max-response-bytes` becomes `maxResponseBytes`. */
export function flagAttribute(flag: string): string {
  return flag.replace(/-([a-z])/gu, (_match, letter: string) => letter.toUpperCase());
}
