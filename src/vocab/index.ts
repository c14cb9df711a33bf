export {
  createVocabulary, LEGACY_VF, LEGACY_VF_NAMESPACES, VF, OM2, SOLID, LDP, ORG, PIM, ACL, FOAF, RDF, RDFS, XSD, DCTERMS,
  SH, SKOS, OWL, OCE,
} from './Vocabularies.js';
export type { Vocabulary } from './Vocabularies.js';
export { VF_REFERENCE_PROPERTIES, VF_EVENT_ONLY_PROPERTIES, VF_PLANNED_FLOW_ONLY_PROPERTIES } from './VfPropertyGroups.js';
export { compactIri } from './compactIri.js';
