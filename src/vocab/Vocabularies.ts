import { DataFactory } from 'n3';
import type { NamedNode } from 'n3';
import { ACTION_IDS } from '../model/index.js';

/**
 * A namespace with a fixed list of terms. Each term is a property holding its IRI as an n3
 * `NamedNode`, so a misspelt local name (`VF.EconomicEvnt`) fails to compile.
 */
export type Vocabulary<TNamespace extends string, TLocal extends string> = {
  readonly [K in TLocal]: NamedNode<`${TNamespace}${K}`>;
} & {
  /** The namespace IRI that every term starts with. */
  readonly namespace: TNamespace;
  /** The local names this vocabulary declares, in declaration order. */
  readonly localNames: readonly TLocal[];
  /** Returns the local name of `iri` when it is one of the declared terms, else undefined. */
  readonly localNameOf: (iri: string) => TLocal | undefined;
};

/** Creates a {@link Vocabulary} for `namespace` with one `NamedNode` constant per local name. */
export function createVocabulary<TNamespace extends string, TLocal extends string>(
  namespace: TNamespace,
  ...localNames: TLocal[]
): Vocabulary<TNamespace, TLocal> {
  const terms: Record<string, NamedNode> = {};
  for (const localName of localNames) {
    terms[localName] = DataFactory.namedNode(`${namespace}${localName}`);
  }
  const declared = new Set<string>(localNames);
  const localNameOf = (iri: string): TLocal | undefined => {
    if (!iri.startsWith(namespace)) {
      return undefined;
    }
    const localName = iri.slice(namespace.length);
    return declared.has(localName) ? (localName as TLocal) : undefined;
  };
  return { ...terms, namespace, localNames, localNameOf } as Vocabulary<TNamespace, TLocal>;
}

/** Classes of ValueFlows 1.0, including the helper classes the ontology declares for unions. */
const VF_CLASSES = [
  'AccountableEffect', 'AccountingEffect', 'Action', 'ActionDomain', 'Agent', 'Agreement',
  'AgreementBundle', 'BatchLotRecord', 'Claim', 'ClassifiedAsDomain', 'Commitment', 'ContainedEffect',
  'CreateResource', 'CreatedDomain', 'DueDomain', 'EcologicalAgent', 'EconomicEvent', 'EconomicResource',
  'EffortQuantityDomain', 'EventQuantity', 'FinishedDomain', 'HasBeginningDomain', 'HasEndDomain',
  'HasInputRange', 'HasOutputRange', 'HasPointInTimeDomain', 'ImageDomain', 'ImageListDomain',
  'InputOfDomain', 'InputOutput', 'Intent', 'LabelDomain', 'LocationEffect', 'Measure', 'NameDomain',
  'NoteDomain', 'OnhandEffect', 'Organization', 'OutputOfDomain', 'Person', 'Plan', 'PlanIncludesRange',
  'PlannedWithinDomain', 'Process', 'ProcessSpecification', 'Proposal', 'ProposalList', 'ProposalPurpose',
  'ProposedToDomain', 'ProviderDomain', 'ReceiverDomain', 'Recipe', 'RecipeExchange', 'RecipeFlow',
  'RecipeProcess', 'ResourceClassifiedAsDomain', 'ResourceConformsToDomain', 'ResourceInventoriedAsDomain',
  'ResourceQuantityDomain', 'ResourceSpecification', 'SatisfiesDomain', 'SpatialThing', 'StageDomain',
  'StageEffect', 'StateDomain', 'StateEffect', 'Unit',
] as const;

/** Object and datatype properties of ValueFlows 1.0. */
const VF_PROPERTIES = [
  'accountableEffect', 'accountingEffect', 'accountingQuantity', 'action', 'alt', 'availableQuantity',
  'basedOn', 'batchLotCode', 'bundledIn', 'bundles', 'classifiedAs', 'clauseOf', 'conformsTo',
  'containedEffect', 'containedIn', 'contains', 'corrects', 'created', 'createResource',
  'currentCurrencyLocation', 'currentLocation', 'currentVirtualLocation', 'defaultUnitOfEffort',
  'defaultUnitOfResource', 'due', 'effortQuantity', 'eligibleLocation', 'eventQuantity', 'expirationDate',
  'finished', 'fulfills', 'hasBeginning', 'hasDetailedGeometry', 'hasDuration', 'hasEnd',
  'hasIndependentDemand', 'hasInput', 'hasNumericalValue', 'hasOutput', 'hasPointInTime', 'hasRecipeInput',
  'hasRecipeOutput', 'hasUnit', 'image', 'imageList', 'independentDemandOf', 'inputOf', 'inputOutput',
  'inScopeOf', 'label', 'lat', 'listedIn', 'lists', 'locationEffect', 'long', 'mappableAddress',
  'mediumOfExchange', 'minimumQuantity', 'name', 'note', 'ofBatchLot', 'omUnitIdentifier', 'onhandEffect',
  'onhandQuantity', 'outputOf', 'pairsWith', 'planIncludes', 'plannedWithin', 'primaryAccountable',
  'primaryLocation', 'primaryOutput', 'processClassifiedAs', 'processConformsTo', 'proposedTo', 'provider',
  'publishes', 'purpose', 'realizationOf', 'realizes', 'realizesReciprocal', 'receiver', 'recipeClauseOf',
  'recipeIncludes', 'recipeInputOf', 'recipeOutputOf', 'recipeReciprocalClauseOf', 'recipeStipulates',
  'recipeStipulatesReciprocal', 'reciprocal', 'reciprocalClauseOf', 'reciprocalRealizationOf',
  'resourceClassifiedAs', 'resourceConformsTo', 'resourceInventoriedAs', 'resourceQuantity', 'satisfies',
  'settles', 'stage', 'stageEffect', 'state', 'stateEffect', 'stipulates', 'stipulatesReciprocal',
  'substitutable', 'symbol', 'toLocation', 'toResourceInventoriedAs', 'trackingIdentifier', 'triggeredBy',
  'unitBased', 'unitOfEffort',
] as const;

/** Named individuals other than actions: action behaviour values and proposal purposes. */
const VF_INDIVIDUALS = [
  'both', 'decrement', 'decrementIncrement', 'effort', 'increment', 'incrementTo', 'input', 'new',
  'notApplicable', 'offer', 'optional', 'optionalTo', 'output', 'outputInput', 'remove', 'request',
  'resource', 'update', 'updateTo',
] as const;

/** ValueFlows 1.0 (`https://w3id.org/valueflows/ont/vf#`): every class, property and individual. */
export const VF = createVocabulary(
  'https://w3id.org/valueflows/ont/vf#',
  ...VF_CLASSES,
  ...VF_PROPERTIES,
  ...ACTION_IDS,
  ...VF_INDIVIDUALS,
);

/**
 * Namespaces that older ValueFlows data uses for the same terms: the pre-2024 namespace and
 * the `http:` forms that upstream examples write in their `@vocab`.
 */
export const LEGACY_VF_NAMESPACES = [
  'https://w3id.org/valueflows#',
  'http://w3id.org/valueflows/ont/vf#',
  'http://w3id.org/valueflows#',
] as const;

/**
 * Classes of ValueFlows before 1.0 that VF 1.0 removed, in the 1.0 namespace because the
 * normalizer rewrites legacy namespaces to it. Data from older implementations still uses them.
 */
export const LEGACY_VF = createVocabulary('https://w3id.org/valueflows/ont/vf#', 'RecipeResource');

/** Ontology of units of Measure 2.0: the measure terms VF builds on and the common units. */
export const OM2 = createVocabulary(
  'http://www.ontology-of-units-of-measure.org/resource/om-2/',
  'Measure', 'Unit', 'hasNumericalValue', 'hasUnit', 'hasValue',
  'one', 'hour', 'day', 'minute-Time', 'second-Time', 'kilogram', 'gram', 'metre', 'litre', 'kilowattHour',
);

/** Solid terms used for WebID profiles, type indexes and N3 Patch documents. */
export const SOLID = createVocabulary(
  'http://www.w3.org/ns/solid/terms#',
  'publicTypeIndex', 'privateTypeIndex', 'TypeIndex', 'ListedDocument', 'UnlistedDocument',
  'TypeRegistration', 'forClass', 'instance', 'instanceContainer', 'oidcIssuer', 'storage',
  'InsertDeletePatch', 'inserts', 'deletes', 'where',
);

/** Linked Data Platform containers. */
export const LDP = createVocabulary(
  'http://www.w3.org/ns/ldp#',
  'contains', 'Container', 'BasicContainer', 'Resource', 'RDFSource', 'NonRDFSource',
);

/** W3C Organization ontology, used for network membership (VF 1.0 has no membership model). */
export const ORG = createVocabulary(
  'http://www.w3.org/ns/org#',
  'Organization', 'FormalOrganization', 'OrganizationalUnit', 'Membership', 'Role', 'hasMember',
  'memberOf', 'member', 'organization', 'role', 'memberDuring', 'subOrganizationOf', 'hasSubOrganization',
);

/** PIM space vocabulary (`pim:storage`). */
export const PIM = createVocabulary('http://www.w3.org/ns/pim/space#', 'storage', 'Storage', 'preferencesFile');

/** Web Access Control. */
export const ACL = createVocabulary(
  'http://www.w3.org/ns/auth/acl#',
  'Authorization', 'agent', 'agentClass', 'agentGroup', 'accessTo', 'default', 'mode',
  'Read', 'Write', 'Append', 'Control', 'AuthenticatedAgent',
);

/** Friend of a Friend. */
export const FOAF = createVocabulary(
  'http://xmlns.com/foaf/0.1/',
  'Agent', 'Person', 'Organization', 'Group', 'name', 'member', 'primaryTopic', 'maker',
);

/** RDF itself. */
export const RDF = createVocabulary(
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  'type', 'first', 'rest', 'nil', 'langString', 'value', 'Property',
);

/** RDF Schema. */
export const RDFS = createVocabulary(
  'http://www.w3.org/2000/01/rdf-schema#',
  'Class', 'label', 'comment', 'subClassOf', 'subPropertyOf', 'domain', 'range', 'seeAlso', 'Literal',
);

/** XML Schema datatypes. */
export const XSD = createVocabulary(
  'http://www.w3.org/2001/XMLSchema#',
  'string', 'boolean', 'decimal', 'integer', 'double', 'float', 'dateTime', 'dateTimeStamp', 'date',
  'anyURI', 'nonNegativeInteger', 'long', 'int',
);

/** Dublin Core terms. */
export const DCTERMS = createVocabulary(
  'http://purl.org/dc/terms/',
  'created', 'modified', 'title', 'description', 'source', 'creator', 'license',
);

/** SHACL, for shapes and validation reports. */
export const SH = createVocabulary(
  'http://www.w3.org/ns/shacl#',
  'NodeShape', 'PropertyShape', 'ValidationReport', 'ValidationResult', 'Violation', 'Warning', 'Info',
  'targetClass', 'targetNode', 'targetSubjectsOf', 'targetObjectsOf', 'property', 'path', 'datatype',
  'nodeKind', 'IRI', 'BlankNodeOrIRI', 'Literal', 'minCount', 'maxCount', 'in', 'node', 'class', 'or',
  'message', 'severity', 'focusNode', 'resultPath', 'value', 'sourceShape', 'sourceConstraintComponent',
  'resultMessage', 'resultSeverity', 'conforms', 'result', 'name', 'description',
);

/** Simple Knowledge Organization System; upstream examples write `skos:note`. */
export const SKOS = createVocabulary('http://www.w3.org/2004/02/skos/core#', 'note', 'prefLabel', 'Concept');

/** OWL, for reading our own ontology document. */
export const OWL = createVocabulary(
  'http://www.w3.org/2002/07/owl#',
  'Ontology', 'Class', 'ObjectProperty', 'DatatypeProperty', 'NamedIndividual',
);

/** Our own terms (`vocab/oce.ttl`): derived facts, networks and crawl reports beyond VF 1.0. */
export const OCE = createVocabulary(
  'https://w3id.org/oce/ns#',
  'custodian', 'Network', 'CrawlReport', 'Problem', 'problem', 'severity', 'message', 'subject', 'source',
  'normalizedFrom', 'Error', 'Warning',
);
