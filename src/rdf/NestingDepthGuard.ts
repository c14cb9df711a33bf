import { RdfParseError } from './RdfParseError.js';

/**
 * Maximum nesting of arrays and objects (JSON) or of collections (YAML) in a JSON-LD or YAML-LD
 * document. The `yaml` parser, `jsonld` expansion and our own tree walks recurse once or more per
 * level. On a default Node 20 stack they overflowed between 700 and 1,000 levels (measured with
 * `yaml` 2.9.1 and `jsonld` 9.0.0 on nested arrays and objects). ValueFlows documents nest fewer
 * than 20 levels, so 256 leaves room on both sides.
 */
export const MAX_NESTING_DEPTH = 256;

/** Document and content type named in the error. */
interface Where {
  source: string;
  contentType: string;
}

/**
 * Checks the nesting depth of JSON or YAML text without recursion and before parsing it, so a deep
 * document fails with an {@link RdfParseError} naming the line instead of overflowing the stack.
 */
export class NestingDepthGuard {
  /** Throws when the brackets of the JSON text nest deeper than {@link MAX_NESTING_DEPTH}. */
  public static checkJsonText(text: string, where: Where): void {
    let depth = 0;
    let line = 1;
    let inString = false;
    for (let index = 0; index < text.length; index += 1) {
      const char = text[index];
      if (char === '\n') {
        line += 1;
      } else if (inString) {
        if (char === '\\') {
          index += 1;
        } else if (char === '"') {
          inString = false;
        }
      } else if (char === '"') {
        inString = true;
      } else if (char === '[' || char === '{') {
        depth += 1;
        NestingDepthGuard.check(depth, where, line);
      } else if (char === ']' || char === '}') {
        depth -= 1;
      }
    }
  }

  /**
   * Throws when the YAML text nests deeper than {@link MAX_NESTING_DEPTH}, counting block levels
   * by indentation, sequence dashes and keys, and flow levels by brackets.
   * NOTE: the count is an estimate from the text, not from a YAML parse. Nesting the scan misses,
   * such as a flow collection inside a plain multi-line scalar, reaches the parser unchecked.
   */
  public static checkYamlText(text: string, where: Where): void {
    const scanner = new YamlDepthScanner(where);
    const lines = text.split('\n');
    for (let index = 0; index < lines.length; index += 1) {
      scanner.scanLine(lines[index] ?? '', index + 1);
    }
  }

  /**
   * Throws when a parsed tree nests deeper than {@link MAX_NESTING_DEPTH}. This catches depth
   * that YAML aliases build from shallow text. The walk uses an explicit stack, not recursion.
   */
  public static checkTree(tree: unknown, where: Where): void {
    // Shared objects are walked once per path, so a cycle of aliases ends at the maximum depth.
    const pending: { node: unknown; depth: number }[] = [{ node: tree, depth: 0 }];
    while (pending.length > 0) {
      const { node, depth } = pending.pop()!;
      if (node === null || typeof node !== 'object') {
        continue;
      }
      NestingDepthGuard.check(depth + 1, where);
      const children = Array.isArray(node) ? node : Object.values(node);
      for (const child of children) {
        pending.push({ node: child, depth: depth + 1 });
      }
    }
  }

  /** Throws the error for a depth above the maximum. */
  public static check(depth: number, where: Where, line?: number): void {
    if (depth > MAX_NESTING_DEPTH) {
      throw new RdfParseError({
        ...where,
        line,
        reason: `the document nests deeper than the maximum of ${MAX_NESTING_DEPTH} levels of arrays and objects`,
      });
    }
  }
}

/** Line-by-line nesting estimate of YAML text; see {@link NestingDepthGuard.checkYamlText}. */
class YamlDepthScanner {
  /** Indentation and level count of each open block line, outermost first. */
  private readonly blocks: { indent: number; levels: number }[] = [];
  private blockDepth = 0;
  private flowDepth = 0;
  /** Indentation of the line that opened a block scalar (`|` or `>`), while inside one. */
  private scalarIndent: number | undefined;

  public constructor(private readonly where: Where) {}

  public scanLine(line: string, lineNumber: number): void {
    const content = line.trimStart();
    const indent = line.length - content.length;
    if (this.scalarIndent !== undefined && (content === '' || indent > this.scalarIndent)) {
      return;
    }
    this.scalarIndent = undefined;
    if (content === '' || content.startsWith('#')) {
      return;
    }
    if (this.flowDepth === 0) {
      this.openBlock(indent, content, lineNumber);
    }
    this.scanFlow(content, lineNumber);
    if (/[|>][-+0-9]*\s*(?:#.*)?$/u.test(content) && this.flowDepth === 0) {
      this.scalarIndent = indent;
    }
  }

  /** Closes the blocks this line's indentation ends and opens the levels it starts. */
  private openBlock(indent: number, content: string, lineNumber: number): void {
    while (this.blocks.length > 0 && this.blocks[this.blocks.length - 1]!.indent >= indent) {
      this.blockDepth -= this.blocks.pop()!.levels;
    }
    const dashes = /^(?:[-?](?:\s+|$))*/u.exec(content)?.[0] ?? '';
    const dashCount = (dashes.match(/[-?]/gu) ?? []).length;
    const hasKey = /^[^\s#'"[{][^#]*?:(?:\s|$)/u.test(content.slice(dashes.length));
    const levels = dashCount + (hasKey ? 1 : 0);
    this.blocks.push({ indent, levels });
    this.blockDepth += levels;
    NestingDepthGuard.check(this.blockDepth, this.where, lineNumber);
  }

  /** Counts flow brackets outside quoted scalars and comments. */
  private scanFlow(content: string, lineNumber: number): void {
    let previous = ' ';
    for (let index = 0; index < content.length; index += 1) {
      const char = content[index]!;
      const startsValue = ' :-,[{?'.includes(previous);
      if ((char === '"' || char === '\'') && startsValue) {
        index = endOfQuoted(content, index);
      } else if (char === '#' && previous === ' ') {
        return;
      } else if ((char === '[' || char === '{') && (this.flowDepth > 0 || startsValue)) {
        this.flowDepth += 1;
        NestingDepthGuard.check(this.blockDepth + this.flowDepth, this.where, lineNumber);
      } else if ((char === ']' || char === '}') && this.flowDepth > 0) {
        this.flowDepth -= 1;
      }
      previous = content[index] ?? ' ';
    }
  }
}

/** Returns the index of the quote that closes the quoted scalar at `start`, or the last index of the line. */
function endOfQuoted(content: string, start: number): number {
  const quote = content[start];
  let index = start + 1;
  while (index < content.length) {
    if (quote === '"' && content[index] === '\\') {
      index += 2;
    } else if (content[index] === quote) {
      return index;
    } else {
      index += 1;
    }
  }
  return content.length - 1;
}
