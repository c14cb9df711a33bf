import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Parser } from 'n3';
import { ValueEquationError, ValueEquationReader } from '../../src/distribution/index.js';
import { formatDecimal } from '../../src/model/index.js';
import { EQ, fixturePath } from './loadExample.js';

const PREFIXES = `@prefix oce: <https://w3id.org/oce/ns#> . @prefix vf: <https://w3id.org/valueflows/ont/vf#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> . @prefix eq: <${EQ}> . @prefix coop: <https://coop.example/> .
`;

function reader(turtle: string): ValueEquationReader {
  return new ValueEquationReader(new Parser().parse(PREFIXES + turtle));
}

/** Reads `eq:e` with one bucket `eq:b` described by `bucket`, and returns the error message. */
function bucketError(bucket: string): string {
  try {
    reader(`eq:e a oce:ValueEquation ; oce:bucket eq:b . eq:b ${bucket} .`).read(`${EQ}e`);
  } catch (error: unknown) {
    assert.ok(error instanceof ValueEquationError);
    return error.message;
  }
  assert.fail('the equation was accepted');
}

const RULE = 'oce:rule [ oce:variable "hours" ; oce:formula "hours" ]';

describe('A ValueEquationReader', () => {
  it('names a rule without an IRI by its label.', () => {
    assert.equal(bucketError('oce:order 1 ; oce:percentOfTotal 10 ; oce:rule [ ' +
      '<http://www.w3.org/2000/01/rdf-schema#label> "Work by hours" ; oce:variable "hours" ; oce:formula "hours *" ]'),
    'Formula [hours *] of ["Work by hours"] is not valid: Expected expression after * at character 7');
  });

  it('reads the buckets and rules of an equation in order.', () => {
    const equations = new ValueEquationReader(new Parser().parse(readFileSync(fixturePath('equations.ttl'), 'utf8')));
    const equation = equations.read(`${EQ}straight`);
    assert.equal(equation.label, 'Straight percentages');
    assert.equal(equation.equationOf, 'https://coop.example/network');
    assert.deepEqual(equation.buckets.map((bucket) => [bucket.id, bucket.size.kind, bucket.fixedShareTo]), [
      [`${EQ}straight-fee`, 'percentOfTotal', 'https://coop.example/network'],
      [`${EQ}straight-work`, 'percentOfTotal', null],
      [`${EQ}straight-inputs`, 'percentOfTotal', null],
    ]);
    const inputs = equation.buckets[2]?.rules ?? [];
    assert.deepEqual(inputs.map((rule) => [rule.id, rule.actions, rule.resourceClassifications, rule.formula.text]), [
      [`${EQ}printer-use`, ['use'], ['https://coop.example/equipment'], 'hours * valuePerUnitOfUse'],
      [`${EQ}material`, ['consume'], ['https://coop.example/material'], 'quantity * valuePerUnit'],
    ]);
    assert.equal(formatDecimal(inputs[0]!.passBackPercent), '100');
  });

  it('lists the equations in the data.', () => {
    const equations = reader('eq:b a oce:ValueEquation . eq:a a oce:ValueEquation .');
    assert.deepEqual(equations.equationIds(), [`${EQ}a`, `${EQ}b`]);
  });

  it('rejects an equation that is not in the data.', () => {
    assert.throws(() => reader('eq:a a oce:ValueEquation .').read(`${EQ}z`),
      { message: `Value equation [${EQ}z] was not found; equations in the data: [${EQ}a]` });
  });

  it('rejects an equation without buckets.', () => {
    assert.throws(() => reader('eq:a a oce:ValueEquation .').read(`${EQ}a`),
      { message: `Value equation [${EQ}a] has no oce:bucket, expected at least one` });
  });

  it('rejects a bucket without an order.', () => {
    assert.equal(bucketError(`oce:percentOfTotal 10 ; ${RULE}`), `Bucket [${EQ}b] has no oce:order, expected an integer`);
  });

  it('rejects a bucket with two sizes.', () => {
    assert.equal(bucketError(`oce:order 1 ; oce:percentOfTotal 10 ; oce:fixedAmount 5 ; ${RULE}`),
      `Bucket [${EQ}b] must state exactly one of oce:percentOfTotal, oce:percentOfRemainder and oce:fixedAmount, found 2`);
  });

  it('rejects a bucket with both a fixed share and rules.', () => {
    assert.equal(bucketError(`oce:order 1 ; oce:percentOfTotal 10 ; oce:fixedShareTo coop:a ; ${RULE}`),
      `Bucket [${EQ}b] must have either oce:fixedShareTo or at least one oce:rule, found both`);
  });

  it('rejects a percentage over 100.', () => {
    assert.equal(bucketError('oce:order 1 ; oce:percentOfTotal 100.5 ; oce:fixedShareTo coop:a'),
      `oce:percentOfTotal of [${EQ}b] must be from 0 to 100, got [100.5]`);
  });

  it('rejects a negative fixed amount.', () => {
    assert.equal(bucketError('oce:order 1 ; oce:fixedAmount -5 ; oce:fixedShareTo coop:a'),
      `oce:fixedAmount of [${EQ}b] must not be negative, got [-5]`);
  });

  it('rejects an order that is not an integer.', () => {
    assert.equal(bucketError('oce:order 1.5 ; oce:percentOfTotal 5 ; oce:fixedShareTo coop:a'),
      `oce:order of [${EQ}b] must be an integer, got [1.5]`);
  });

  it('rejects an unknown claim kind.', () => {
    assert.equal(bucketError('oce:order 1 ; oce:percentOfTotal 5 ; oce:fixedShareTo coop:a ; oce:claimKind oce:forever'),
      `oce:claimKind of [${EQ}b] must be oce:debtLike, oce:equityLike or oce:oneOff, got [https://w3id.org/oce/ns#forever]`);
  });

  it('rejects a debt-like fixed share without a cap.', () => {
    assert.equal(bucketError('oce:order 1 ; oce:percentOfTotal 5 ; oce:fixedShareTo coop:a ; oce:claimKind oce:debtLike'),
      `Bucket [${EQ}b] is debt-like but has no oce:cap`);
  });

  it('rejects a debt-like rule without a cap.', () => {
    assert.equal(bucketError('oce:order 1 ; oce:percentOfTotal 5 ; oce:rule eq:r . eq:r oce:formula "1" ; ' +
      'oce:claimKind oce:debtLike'), `Rule [${EQ}r] is debt-like but neither it nor bucket [${EQ}b] has an oce:cap`);
  });

  it('rejects an unknown variable.', () => {
    assert.equal(bucketError('oce:order 1 ; oce:percentOfTotal 5 ; oce:rule eq:r . eq:r oce:formula "1" ; ' +
      'oce:variable "price"'),
    `oce:variable of [${EQ}r] must be one of [quantity, hours, value, valuePerUnit, valuePerUnitOfUse], got [price]`);
  });

  it('rejects a rule without a formula.', () => {
    assert.equal(bucketError('oce:order 1 ; oce:percentOfTotal 5 ; oce:rule eq:r . eq:r oce:variable "hours"'),
      `Bucket rule [${EQ}r] has no oce:formula, expected exactly one formula`);
  });

  it('rejects a rule with two formulas.', () => {
    assert.equal(bucketError('oce:order 1 ; oce:percentOfTotal 5 ; oce:rule eq:r . eq:r oce:formula "1" , "2"'),
      `[${EQ}r] has 2 values of oce:formula, expected at most one; found [1], [2]`);
  });

  it('rejects an action that is not a ValueFlows action.', () => {
    assert.equal(bucketError('oce:order 1 ; oce:percentOfTotal 5 ; oce:rule eq:r . eq:r oce:formula "1" ; ' +
      'oce:selectsAction coop:dance'),
    'oce:selectsAction of [https://coop.example/equations/r] must be a ValueFlows action such as vf:work, ' +
      'got [https://coop.example/dance]');
  });

  it('rejects an invalid date.', () => {
    assert.equal(bucketError('oce:order 1 ; oce:percentOfTotal 5 ; oce:rule eq:r . eq:r oce:formula "1" ; ' +
      'oce:startDate "2026-13-45"'),
    `[${EQ}r] has an invalid date [2026-13-45]; expected an xsd:date or xsd:dateTime such as 2026-05-01 or 2026-05-01T12:00:00Z`);
  });

  it('rejects a literal where a rule node belongs.', () => {
    assert.equal(bucketError('oce:order 1 ; oce:percentOfTotal 5 ; oce:rule "work"'),
      `oce:rule of [${EQ}b] must be an IRI or a blank node, got the literal [work]`);
  });

  it('rejects two buckets with the same order.', () => {
    assert.throws(() => reader('eq:a a oce:ValueEquation ; oce:bucket eq:x , eq:y . ' +
      'eq:x oce:order 1 ; oce:percentOfTotal 5 ; oce:fixedShareTo coop:a . ' +
      'eq:y oce:order 1 ; oce:percentOfTotal 5 ; oce:fixedShareTo coop:b .').read(`${EQ}a`),
    { message: `Buckets [${EQ}x] and [${EQ}y] of equation [${EQ}a] have the same oce:order [1]; each bucket needs its own` });
  });

  it('names the rule of a formula that does not parse.', () => {
    assert.equal(bucketError('oce:order 1 ; oce:percentOfTotal 5 ; oce:rule eq:r . eq:r oce:formula "hours +"'),
      `Formula [hours +] of [${EQ}r] is not valid: Expected expression after + at character 7`);
  });
});
