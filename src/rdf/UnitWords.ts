import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const UNIT_TABLE_FILE = fileURLToPath(new URL('../../vocab/om2-units.json', import.meta.url));

/** The shape of `vocab/om2-units.json`: OM 2 local names with their English labels. */
interface UnitTable {
  namespace: string;
  units: [localName: string, label: string][];
}

/**
 * Maps the bare unit words that upstream ValueFlows examples write (`hasUnit: kilogram`) to
 * OM 2 unit IRIs. A word matches an OM 2 local name exactly (`second-Time`) or an English label
 * ignoring case (`foot (international)`). The table is the ValueFlows curated subset of OM 2,
 * kept in `vocab/om2-units.json`.
 */
export class UnitWords {
  private static shared: UnitWords | undefined;
  private readonly byLocalName = new Map<string, string>();
  private readonly byLabel = new Map<string, string>();

  public constructor(table: UnitTable) {
    for (const [localName, label] of table.units) {
      const iri = `${table.namespace}${localName}`;
      this.byLocalName.set(localName, iri);
      if (!this.byLabel.has(label.toLowerCase())) {
        this.byLabel.set(label.toLowerCase(), iri);
      }
    }
  }

  /** Returns the table read from `vocab/om2-units.json`, reading it on first use. */
  public static load(): UnitWords {
    UnitWords.shared ??= new UnitWords(JSON.parse(readFileSync(UNIT_TABLE_FILE, 'utf8')) as UnitTable);
    return UnitWords.shared;
  }

  /** Returns the OM 2 unit IRI for a bare word, or undefined when the word names no unit in the table. */
  public iriFor(word: string): string | undefined {
    const trimmed = word.trim();
    return this.byLocalName.get(trimmed) ?? this.byLabel.get(trimmed.toLowerCase());
  }

  /** Number of units in the table. */
  public get size(): number {
    return this.byLocalName.size;
  }
}
