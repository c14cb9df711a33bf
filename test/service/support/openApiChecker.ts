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
 * Asserts that a response of the API matches the OpenAPI description of that path, method and
 * status: the content type is described and the body validates against its schema.
 */
export async function assertMatchesOpenApi(path: string, response: Response, method: 'get' | 'post' = 'get'):
  Promise<unknown> {
  const name = `${method.toUpperCase()} ${path}`;
  const paths = OPENAPI_DOCUMENT.paths as unknown as Record<string, Partial<Record<'get' | 'post', Operation>>>;
  const operation = paths[path]?.[method];
  assert.ok(operation !== undefined, `The OpenAPI document describes no ${name}`);
  const described = operation.responses[String(response.status)];
  assert.ok(described !== undefined, `The OpenAPI document describes no ${response.status} answer of ${name}`);
  const type = (response.headers.get('content-type') ?? '').split(';')[0] ?? '';
  const media = described.content?.[type];
  assert.ok(media !== undefined, `The OpenAPI document describes no [${type}] answer of ${name} ${response.status}`);
  const body: unknown = await response.json();
  const validate = ajv.compile({ components: OPENAPI_DOCUMENT.components, ...(media.schema as object) });
  assert.ok(validate(body), `${name} ${response.status} does not match its schema: ${ajv.errorsText(validate.errors)}`);
  return body;
}
