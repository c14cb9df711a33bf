import { DataFactory } from 'n3';
import type { Literal } from 'n3';
import { formatDecimal, parseDecimal } from '../model/Decimal.js';
import { XSD } from '../vocab/index.js';

const INTEGER = /^[+-]?\d+$/u;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)$/u;
const DOUBLE = /^[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+$/u;
const RADIX_INTEGER = /^0[xXoObB][0-9a-fA-F]+$/u;
const SPECIAL_DOUBLES: Record<string, string> = {
  '.inf': 'INF', '+.inf': 'INF', '-.inf': '-INF', '.nan': 'NaN',
  '.Inf': 'INF', '+.Inf': 'INF', '-.Inf': '-INF', '.NaN': 'NaN',
  '.INF': 'INF', '+.INF': 'INF', '-.INF': '-INF', '.NAN': 'NaN',
};

/**
 * Builds the literal for a number written in JSON or YAML, keeping its text exactly.
 * Without a datatype from the JSON-LD context, an integer becomes xsd:integer, a number with
 * an exponent xsd:double, and any other number with a fraction xsd:decimal. JSON-LD 1.1 would
 * make every fraction an xsd:double, but the text is decimal and a double would round it.
 * With a datatype from the context, the text keeps that datatype, except that a number with an
 * exponent typed xsd:decimal is written out in plain decimal notation (`1e2` becomes `100`),
 * exactly, because xsd:decimal has no exponent form.
 */
export function numberLiteral(text: string, contextDatatype?: string): Literal {
  const lexical = lexicalForm(text);
  if (contextDatatype === XSD.decimal.value && DOUBLE.test(text)) {
    return DataFactory.literal(plainDecimal(text), DataFactory.namedNode(contextDatatype));
  }
  if (contextDatatype !== undefined && contextDatatype !== XSD.string.value) {
    return DataFactory.literal(lexical.value, DataFactory.namedNode(contextDatatype));
  }
  return DataFactory.literal(lexical.value, DataFactory.namedNode(lexical.datatype));
}

/** Writes a number with an exponent in plain decimal notation, or keeps the text when it is out of range. */
function plainDecimal(text: string): string {
  try {
    return formatDecimal(parseDecimal(text));
  } catch {
    return text;
  }
}

function lexicalForm(text: string): { value: string; datatype: string } {
  if (INTEGER.test(text)) {
    return { value: text, datatype: XSD.integer.value };
  }
  if (DECIMAL.test(text)) {
    return { value: text, datatype: XSD.decimal.value };
  }
  if (DOUBLE.test(text)) {
    return { value: text, datatype: XSD.double.value };
  }
  if (RADIX_INTEGER.test(text)) {
    const octal = text.replace(/^0[oO]/u, '0o');
    return { value: BigInt(octal).toString(), datatype: XSD.integer.value };
  }
  return { value: SPECIAL_DOUBLES[text] ?? text, datatype: XSD.double.value };
}
