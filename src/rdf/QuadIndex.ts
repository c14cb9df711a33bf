import type { Quad, Quad_Object, Term } from 'n3';

/** Key of a subject or object term in the index: the IRI, or `_:label` for a blank node. */
export function termKey(term: Term): string {
  return term.termType === 'BlankNode' ? `_:${term.value}` : term.value;
}

/**
 * The quads of one document indexed by subject and predicate, keeping document order, so that
 * "the first value" of a property is the first one the parser produced.
 */
export class QuadIndex {
  private readonly bySubject = new Map<string, Map<string, Quad_Object[]>>();
  private readonly subjectTerms = new Map<string, Quad['subject']>();
  private readonly byPredicate = new Map<string, Quad[]>();

  public constructor(quads: readonly Quad[]) {
    for (const quad of quads) {
      const key = termKey(quad.subject);
      this.subjectTerms.set(key, this.subjectTerms.get(key) ?? quad.subject);
      const predicates = this.bySubject.get(key) ?? new Map<string, Quad_Object[]>();
      this.bySubject.set(key, predicates);
      appendTo(predicates, quad.predicate.value, quad.object);
      appendTo(this.byPredicate, quad.predicate.value, quad);
    }
  }

  /** Returns the keys of all subjects, in the order they first appear. */
  public subjects(): string[] {
    return [...this.bySubject.keys()];
  }

  /** Returns the subject term stored under a key, or undefined when there is none. */
  public subjectTerm(key: string): Quad['subject'] | undefined {
    return this.subjectTerms.get(key);
  }

  /** Returns the objects of `subject` for `predicate`, in document order, without duplicates. */
  public objects(subject: string, predicate: string): Quad_Object[] {
    const objects = this.bySubject.get(subject)?.get(predicate) ?? [];
    return objects.filter((object, index) => objects.findIndex((other) => other.equals(object)) === index);
  }

  /** Returns the predicates used on `subject`. */
  public predicates(subject: string): string[] {
    return [...(this.bySubject.get(subject)?.keys() ?? [])];
  }

  /** Returns every quad with `predicate`, in document order. */
  public quadsWith(predicate: string): Quad[] {
    return this.byPredicate.get(predicate) ?? [];
  }
}

/** Appends `value` to the list under `key` in place, so indexing stays linear in the number of quads. */
function appendTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list === undefined) {
    map.set(key, [value]);
  } else {
    list.push(value);
  }
}
