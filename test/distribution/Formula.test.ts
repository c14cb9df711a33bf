import assert from 'node:assert/strict';
import { Formula, MAX_FORMULA_LENGTH, ValueEquationError } from '../../src/distribution/index.js';
import { formatDecimal, parseDecimal } from '../../src/model/index.js';

const RULE = 'https://coop.example/equations/rule';
const VARIABLES = ['hours', 'quantity', 'value'];

function evaluate(text: string, values: Record<string, string> = {}): string {
  const map = new Map(Object.entries(values).map(([name, value]) => [name, parseDecimal(value)]));
  return formatDecimal(Formula.compile(text, VARIABLES, RULE).evaluate(map, 'https://coop.example/e1'));
}

function rejection(text: string, variables: string[] = VARIABLES): string {
  try {
    Formula.compile(text, variables, RULE).evaluate(new Map([['hours', parseDecimal('0')]]), 'https://coop.example/e1');
  } catch (error: unknown) {
    assert.ok(error instanceof ValueEquationError);
    assert.equal(error.subject, RULE);
    return error.message;
  }
  assert.fail(`formula [${text}] was accepted`);
}

describe('A Formula', () => {
  it('adds decimals exactly.', () => {
    assert.equal(evaluate('0.1 + 0.2'), '0.3');
  });

  it('follows operator precedence and parentheses.', () => {
    assert.equal(evaluate('2 + 3 * 4'), '14');
    assert.equal(evaluate('(2 + 3) * 4'), '20');
  });

  it('applies unary minus and plus.', () => {
    assert.equal(evaluate('-hours + +2', { hours: '0.5' }), '1.5');
  });

  it('reads declared variables.', () => {
    assert.equal(evaluate('hours * 25 + quantity', { hours: '7.5', quantity: '0.25' }), '187.75');
  });

  it('calls min and max.', () => {
    assert.equal(evaluate('min(hours, 8) + max(value, 1, 2)', { hours: '10', value: '0.5' }), '10');
  });

  it('divides with 40 significant digits.', () => {
    assert.equal(evaluate('1 / 3'), `0.${'3'.repeat(40)}`);
  });

  it('keeps every digit of a long number.', () => {
    assert.equal(evaluate('12345678901234567890.123456789 * 1'), '12345678901234567890.123456789');
  });

  it('lists the variables it uses.', () => {
    assert.deepEqual([...Formula.compile('hours * 2', VARIABLES, RULE).usedVariables], ['hours']);
  });

  it('rejects an undeclared variable.', () => {
    assert.equal(rejection('hours * rate'),
      `Formula [hours * rate] of [${RULE}] uses variable [rate], which is not declared; declared: [hours, quantity, value]`);
  });

  it('rejects a syntax error.', () => {
    assert.equal(rejection('hours *'), `Formula [hours *] of [${RULE}] is not valid: Expected expression after * at character 7`);
  });

  it('rejects member access.', () => {
    assert.equal(rejection('hours.constructor'),
      `Formula [hours.constructor] of [${RULE}] uses a [MemberExpression], which formulas do not allow`);
  });

  it('rejects calls of anything but min and max.', () => {
    assert.equal(rejection('eval(1)'), `Formula [eval(1)] of [${RULE}] calls [eval]; only [min, max] may be called`);
    assert.equal(rejection('min()'), `Formula [min()] of [${RULE}] calls [min] without arguments`);
  });

  it('rejects strings, booleans and other operators.', () => {
    assert.equal(rejection('"1"'), `Formula ["1"] of [${RULE}] contains ["1"], but formulas allow only decimal numbers`);
    assert.equal(rejection('true'), `Formula [true] of [${RULE}] contains [true], but formulas allow only decimal numbers`);
    assert.equal(rejection('hours % 2'), `Formula [hours % 2] of [${RULE}] uses operator [%]; allowed: [+ - * /]`);
    assert.equal(rejection('!hours'), `Formula [!hours] of [${RULE}] uses operator [!]; allowed: [- +]`);
    assert.equal(rejection('this'), `Formula [this] of [${RULE}] uses a [ThisExpression], which formulas do not allow`);
  });

  it('rejects a number out of range.', () => {
    assert.match(rejection('1e2000'), /contains the number \[1e2000\], which is out of range/u);
  });

  it('rejects division by zero when evaluated.', () => {
    assert.equal(rejection('1 / hours'),
      `Formula [1 / hours] of [${RULE}] divides by zero for [https://coop.example/e1]`);
  });

  it('rejects a formula over the length limit.', () => {
    const text = `1${' + 1'.repeat(MAX_FORMULA_LENGTH / 4)}`;
    assert.equal(rejection(text), `Formula of [${RULE}] has [${text.length}] characters; at most 500 are allowed`);
  });

  it('rejects a formula over the node limit.', () => {
    const text = `1${'+1'.repeat(100)}`;
    assert.equal(rejection(text), `Formula of [${RULE}] has [201] nodes; at most 200 are allowed`);
  });

  it('names a variable without a value.', () => {
    const formula = Formula.compile('value', VARIABLES, RULE);
    assert.throws(() => formula.evaluate(new Map(), 'https://coop.example/e1'),
      { message: `Formula [value] of [${RULE}] has no value for variable [value] for [https://coop.example/e1]` });
  });
});
