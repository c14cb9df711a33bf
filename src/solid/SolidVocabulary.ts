/** Builds an object of full IRIs from a namespace and local names, so a misspelt term fails to compile. */
function namespace<T extends string>(base: string, ...names: T[]): Record<T, string> & { namespace: string } {
  const terms = { namespace: base } as Record<T, string> & { namespace: string };
  for (const name of names) {
    (terms as Record<string, string>)[name] = `${base}${name}`;
  }
  return terms;
}

/** Terms of the RDF namespace used by the pod code. */
export const RDF = namespace('http://www.w3.org/1999/02/22-rdf-syntax-ns#', 'type');

/** Solid terms: type indexes, registrations and N3 Patch. */
export const SOLID = namespace('http://www.w3.org/ns/solid/terms#',
  'TypeIndex', 'ListedDocument', 'UnlistedDocument', 'TypeRegistration', 'forClass', 'instance',
  'instanceContainer', 'publicTypeIndex', 'privateTypeIndex', 'InsertDeletePatch', 'inserts', 'deletes', 'where');

/** The workspace vocabulary, for `pim:storage`. */
export const PIM = namespace('http://www.w3.org/ns/pim/space#', 'storage', 'Storage');

/** Linked Data Platform terms for containers. */
export const LDP = namespace('http://www.w3.org/ns/ldp#', 'contains', 'Container', 'BasicContainer', 'Resource');

/** ValueFlows 1.0 classes and the event properties the pod code writes or reads. */
export const VF = namespace('https://w3id.org/valueflows/ont/vf#',
  'EconomicEvent', 'EconomicResource', 'Process', 'Agent', 'Person', 'Organization', 'EcologicalAgent',
  'Plan', 'Recipe', 'RecipeProcess', 'RecipeFlow', 'RecipeResource', 'RecipeExchange',
  'Agreement', 'AgreementBundle', 'Commitment', 'Intent', 'Claim', 'Proposal',
  'ResourceSpecification', 'ProcessSpecification', 'SpatialThing', 'Unit', 'Measure',
  'action', 'provider', 'receiver', 'hasPointInTime', 'hasBeginning', 'hasEnd', 'created',
  'resourceQuantity', 'effortQuantity', 'hasNumericalValue', 'hasUnit', 'resourceInventoriedAs',
  'toResourceInventoriedAs', 'resourceConformsTo', 'resourceClassifiedAs', 'inputOf', 'outputOf',
  'corrects', 'note');

/** XML Schema datatypes. */
export const XSD = namespace('http://www.w3.org/2001/XMLSchema#', 'dateTime', 'date', 'decimal', 'string');

/** FOAF terms used in ACLs and profiles. */
export const FOAF = namespace('http://xmlns.com/foaf/0.1/', 'Agent', 'Person', 'PersonalProfileDocument');
