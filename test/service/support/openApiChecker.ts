import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { OPENAPI_DOCUMENT } from '../../../src/service/index.js';

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (instance: Ajv2020) => void)(ajv);

/**
 * Asserts that a response of the API matches the OpenAPI description of that path and
 * status: the content type is described and the body validates against its schema.
 */
export async function assertMatchesOpenApi(path: string, response: Response): Promise<unknown> {
  const paths = OPENAPI_DOCUMENT.paths as Record<string, { get: Operation }>;
  const operation = paths[path]?.get;
  assert.ok(operation !== undefined, `The OpenAPI document describes no GET ${path}`);
  const described = operation.responses[String(response.status)];
  assert.ok(described !== undefined, `The OpenAPI document describes no ${response.status} answer of GET ${path}`);
  const type = (response.headers.get('content-type') ?? '').split(';')[0] ?? '';
  const media = described.content?.[type];
  assert.ok(media !== undefined, `The OpenAPI document describes no [${type}] answer of GET ${path} ${response.status}`);
  const body: unknown = await response.json();
  const validate = ajv.compile({ components: OPENAPI_DOCUMENT.components, ...(media.schema as object) });
  assert.ok(validate(body), `GET ${path} ${response.status} does not match its schema: ${ajv.errorsText(validate.errors)}`);
  return body;
}
