import assert from 'node:assert/strict';
import { shortenIri } from '../../src/report/IriShortener.js';

describe('shortenIri', () => {
  it('writes a ValueFlows term as a CURIE.', () => {
    assert.equal(shortenIri('https://w3id.org/valueflows/ont/vf#produce'), 'vf:produce');
  });

  it('writes an OM 2 unit as a CURIE.', () => {
    assert.equal(shortenIri('http://www.ontology-of-units-of-measure.org/resource/om-2/hour'), 'om2:hour');
  });

  it('shows an IRI under the base relative to it.', () => {
    assert.equal(shortenIri('http://localhost:3000/ada/rea/x.ttl#a', 'http://localhost:3000/'), 'ada/rea/x.ttl#a');
  });

  it('keeps an unknown IRI whole.', () => {
    assert.equal(shortenIri('https://example.org/a'), 'https://example.org/a');
  });

  it('shows null as a dash.', () => {
    assert.equal(shortenIri(null), '-');
  });
});
