import type * as RDF from '@rdfjs/types';
import { termToString } from './termToString.js';
import type { BindingsResult, BooleanResult } from '../store/index.js';

/** Media types of SELECT and ASK results, preferred first. */
export const RESULTS_MEDIA_TYPES = [
  'application/sparql-results+json',
  'application/sparql-results+xml',
  'text/csv',
  'text/tab-separated-values',
] as const;

/** A media type of SELECT and ASK results. */
export type ResultsMediaType = (typeof RESULTS_MEDIA_TYPES)[number];

/** Media types that can carry an ASK result; CSV and TSV define no form for a boolean. */
export const BOOLEAN_MEDIA_TYPES: readonly ResultsMediaType[] = RESULTS_MEDIA_TYPES.slice(0, 2);

/** Serializes a SELECT or ASK result in one of the SPARQL 1.1 result formats. */
export function serializeResults(result: BindingsResult | BooleanResult, mediaType: ResultsMediaType): string {
  switch (mediaType) {
    case 'application/sparql-results+json':
      return toJson(result);
    case 'application/sparql-results+xml':
      return toXml(result);
    case 'text/csv':
      return toCsv(result as BindingsResult);
    case 'text/tab-separated-values':
      return toTsv(result as BindingsResult);
  }
}

function toJson(result: BindingsResult | BooleanResult): string {
  if (result.type === 'boolean') {
    return JSON.stringify({ head: {}, boolean: result.value });
  }
  const bindings = result.rows.map((row) => Object.fromEntries([...row].map(([name, term]) => [name, jsonTerm(term)])));
  return JSON.stringify({ head: { vars: result.variables }, results: { bindings } });
}

function jsonTerm(term: RDF.Term): object {
  switch (term.termType) {
    case 'NamedNode':
      return { type: 'uri', value: term.value };
    case 'BlankNode':
      return { type: 'bnode', value: term.value };
    case 'Quad':
      return {
        type: 'triple',
        value: { subject: jsonTerm(term.subject), predicate: jsonTerm(term.predicate), object: jsonTerm(term.object) },
      };
    case 'Literal':
      return term.language === ''
        ? { type: 'literal', value: term.value, datatype: term.datatype.value }
        : { type: 'literal', value: term.value, 'xml:lang': term.language };
    default:
      throw new Error(`Expected a term of a solution, but got a [${term.termType}].`);
  }
}

const XML_HEADER = '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n';

function toXml(result: BindingsResult | BooleanResult): string {
  if (result.type === 'boolean') {
    return `${XML_HEADER}<head/>\n<boolean>${result.value}</boolean>\n</sparql>\n`;
  }
  const head = result.variables.map((name) => `<variable name="${escapeXml(name)}"/>`).join('');
  const rows = result.rows.map((row) => {
    const bindings = [...row].map(([name, term]) => `<binding name="${escapeXml(name)}">${xmlTerm(term)}</binding>`);
    return `<result>${bindings.join('')}</result>\n`;
  });
  return `${XML_HEADER}<head>${head}</head>\n<results>\n${rows.join('')}</results>\n</sparql>\n`;
}

function xmlTerm(term: RDF.Term): string {
  switch (term.termType) {
    case 'NamedNode':
      return `<uri>${escapeXml(term.value)}</uri>`;
    case 'BlankNode':
      return `<bnode>${escapeXml(term.value)}</bnode>`;
    case 'Quad':
      return `<triple><subject>${xmlTerm(term.subject)}</subject><predicate>${xmlTerm(term.predicate)}</predicate>` +
        `<object>${xmlTerm(term.object)}</object></triple>`;
    case 'Literal':
      return term.language === ''
        ? `<literal datatype="${escapeXml(term.datatype.value)}">${escapeXml(term.value)}</literal>`
        : `<literal xml:lang="${escapeXml(term.language)}">${escapeXml(term.value)}</literal>`;
    default:
      throw new Error(`Expected a term of a solution, but got a [${term.termType}].`);
  }
}

function escapeXml(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
}

// SPARQL 1.1 CSV: plain values without datatype or language, fields quoted when they contain
// a quote, a comma or a line break, and lines ending in CRLF.
function toCsv(result: BindingsResult): string {
  const lines = [result.variables.map(csvField).join(',')];
  for (const row of result.rows) {
    lines.push(result.variables.map((name) => csvField(csvValue(row.get(name)))).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

function csvValue(term: RDF.Term | undefined): string {
  if (term === undefined) {
    return '';
  }
  return term.termType === 'BlankNode' ? `_:${term.value}` : term.value;
}

function csvField(value: string): string {
  return /[",\r\n]/u.test(value) ? `"${value.replace(/"/gu, '""')}"` : value;
}

// SPARQL 1.1 TSV: variables with `?`, terms in their N-Triples form, unbound as an empty field.
function toTsv(result: BindingsResult): string {
  const lines = [result.variables.map((name) => `?${name}`).join('\t')];
  for (const row of result.rows) {
    lines.push(result.variables.map((name) => tsvValue(row.get(name))).join('\t'));
  }
  return `${lines.join('\n')}\n`;
}

function tsvValue(term: RDF.Term | undefined): string {
  return term === undefined ? '' : termToString(term);
}
