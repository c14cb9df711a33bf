/** Raised inside the locator at the offset where the text stops being JSON. */
class JsonSyntaxError extends Error {
  public constructor(public readonly offset: number) {
    super(`invalid JSON at offset ${offset}`);
  }
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/uy;
// JSON strings may not contain control characters (U+0000 to U+001F) unescaped.
// eslint-disable-next-line no-control-regex
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/uy;

/**
 * Returns the 1-based line where JSON text stops being valid, or undefined when it is valid.
 * Node 20's `JSON.parse` messages do not always give a position, and a line is what a user
 * needs to find the mistake.
 */
export function locateJsonError(text: string): number | undefined {
  try {
    let offset = skipWhitespace(text, 0);
    offset = skipWhitespace(text, readValue(text, offset));
    if (offset !== text.length) {
      throw new JsonSyntaxError(offset);
    }
    return undefined;
  } catch (error: unknown) {
    if (error instanceof JsonSyntaxError) {
      return text.slice(0, error.offset).split('\n').length;
    }
    throw error;
  }
}

function readValue(text: string, offset: number): number {
  const char = text[offset];
  if (char === '{') {
    return readContainer(text, offset, '}', true);
  }
  if (char === '[') {
    return readContainer(text, offset, ']', false);
  }
  for (const literal of ['true', 'false', 'null']) {
    if (text.startsWith(literal, offset)) {
      return offset + literal.length;
    }
  }
  return readToken(text, offset, char === '"' ? STRING : NUMBER);
}

/** Reads an object (members are `"key": value`) or an array, starting at its opening bracket. */
function readContainer(text: string, start: number, close: string, isObject: boolean): number {
  let offset = skipWhitespace(text, start + 1);
  if (text[offset] === close) {
    return offset + 1;
  }
  for (;;) {
    if (isObject) {
      offset = skipWhitespace(text, readToken(text, offset, STRING));
      offset = expect(text, offset, ':');
    }
    offset = skipWhitespace(text, readValue(text, skipWhitespace(text, offset)));
    if (text[offset] === close) {
      return offset + 1;
    }
    offset = skipWhitespace(text, expect(text, offset, ','));
  }
}

function readToken(text: string, offset: number, pattern: RegExp): number {
  pattern.lastIndex = offset;
  const match = pattern.exec(text);
  if (match === null) {
    throw new JsonSyntaxError(offset);
  }
  return offset + match[0].length;
}

function expect(text: string, offset: number, char: string): number {
  if (text[offset] !== char) {
    throw new JsonSyntaxError(offset);
  }
  return offset + 1;
}

function skipWhitespace(text: string, offset: number): number {
  let index = offset;
  while (WHITESPACE.has(text[index] ?? '')) {
    index += 1;
  }
  return index;
}
