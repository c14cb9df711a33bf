import { parseDocument } from 'yaml';
import type { ScalarTag, Tags } from 'yaml';
import { locateJsonError } from './JsonErrorLocator.js';
import { NestingDepthGuard } from './NestingDepthGuard.js';
import { RdfParseError } from './RdfParseError.js';

/**
 * Prefix of the strings that stand in for numbers while a JSON-LD tree is expanded.
 * JSON and YAML parsers turn numbers into binary floating point, which would round a
 * quantity such as 0.1 or a long decimal; the stand-in keeps the number's text as written
 * until {@link numberTextOf} reads it back from the resulting literal.
 * The code point U+F8FF is private-use, so it does not occur in real data.
 */
const NUMBER_MARKER = '\u{F8FF}number:';

/** Returns the number text a stand-in string holds, or undefined when it is not a stand-in. */
export function numberTextOf(value: string): string | undefined {
  return value.startsWith(NUMBER_MARKER) ? value.slice(NUMBER_MARKER.length) : undefined;
}

/** Matches one JSON number token at the current position. */
const JSON_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/uy;

/**
 * Parses JSON text into a tree whose numbers are stand-in strings, except inside `@context`
 * where JSON-LD needs real numbers (`@version: 1.1`). Throws an {@link RdfParseError} with
 * the line of a syntax error, or of nesting deeper than `MAX_NESTING_DEPTH`.
 */
export function readJsonTree(text: string, where: { source: string; contentType: string }): unknown {
  NestingDepthGuard.checkJsonText(text, where);
  try {
    JSON.parse(text);
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RdfParseError({ ...where, line: locateJsonError(text), reason }, { cause: error });
  }
  return restoreContextNumbers(JSON.parse(markJsonNumbers(text)));
}

/**
 * Parses YAML text (YAML-LD) into a tree whose numbers are stand-in strings, except inside
 * `@context`. Throws an {@link RdfParseError} with the line of the first YAML error, or of
 * nesting deeper than `MAX_NESTING_DEPTH`.
 */
export function readYamlTree(text: string, where: { source: string; contentType: string }): unknown {
  NestingDepthGuard.checkYamlText(text, where);
  const document = parseDocument(text, { customTags: markNumberTags, uniqueKeys: true });
  const firstError = document.errors[0];
  if (firstError !== undefined) {
    const line = firstError.linePos?.[0].line;
    const reason = firstError.message.split('\n')[0] ?? firstError.message;
    throw new RdfParseError({ ...where, line, reason }, { cause: firstError });
  }
  let tree: unknown;
  try {
    tree = document.toJS({ maxAliasCount: 100 });
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RdfParseError({ ...where, reason }, { cause: error });
  }
  NestingDepthGuard.checkTree(tree, where);
  return restoreContextNumbers(tree);
}

/** Replaces the resolvers of the YAML core schema's integer and float tags by stand-in makers. */
function markNumberTags(tags: Tags): Tags {
  return tags.map((tag) => {
    const scalarTag = tag as ScalarTag;
    if (scalarTag.tag !== 'tag:yaml.org,2002:int' && scalarTag.tag !== 'tag:yaml.org,2002:float') {
      return tag;
    }
    return { ...scalarTag, resolve: (source: string) => `${NUMBER_MARKER}${source}` };
  });
}

/** Rewrites every number token outside strings as a quoted stand-in. The text must be valid JSON. */
function markJsonNumbers(text: string): string {
  let output = '';
  let index = 0;
  while (index < text.length) {
    const char = text[index] ?? '';
    if (char === '"') {
      const end = endOfJsonString(text, index);
      output += text.slice(index, end);
      index = end;
    } else if (char === '-' || (char >= '0' && char <= '9')) {
      JSON_NUMBER.lastIndex = index;
      const token = JSON_NUMBER.exec(text)?.[0] ?? char;
      output += JSON.stringify(`${NUMBER_MARKER}${token}`);
      index += token.length;
    } else {
      output += char;
      index += 1;
    }
  }
  return output;
}

/** Returns the index just after the closing quote of the JSON string starting at `start`. */
function endOfJsonString(text: string, start: number): number {
  let index = start + 1;
  while (index < text.length && text[index] !== '"') {
    index += text[index] === '\\' ? 2 : 1;
  }
  return index + 1;
}

/** Turns stand-ins back into numbers inside every `@context` value of the tree. */
function restoreContextNumbers(tree: unknown, insideContext = false): unknown {
  if (typeof tree === 'string') {
    const text = numberTextOf(tree);
    return insideContext && text !== undefined ? Number(text) : tree;
  }
  if (Array.isArray(tree)) {
    return tree.map((item) => restoreContextNumbers(item, insideContext));
  }
  if (tree !== null && typeof tree === 'object') {
    const restored: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(tree)) {
      restored[key] = restoreContextNumbers(value, insideContext || key === '@context');
    }
    return restored;
  }
  return tree;
}
