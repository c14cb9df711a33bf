import jsep from 'jsep';
import { Decimal, parseDecimal } from '../model/index.js';
import { divideDecimal } from './divideDecimal.js';
import { ValueEquationError } from './ValueEquationError.js';

/** Maximum length of a formula, in characters. */
export const MAX_FORMULA_LENGTH = 500;

/** Maximum number of nodes of a parsed formula: numbers, variables, operators and function calls. */
export const MAX_FORMULA_NODES = 200;


/** Functions a formula may call; each takes one or more arguments. */
const FUNCTIONS: Record<string, (values: Decimal[]) => Decimal> = {
  min: (values) => Decimal.min(...values),
  max: (values) => Decimal.max(...values),
};

/** The value of each declared variable for one evaluation. */
export type FormulaValues = ReadonlyMap<string, Decimal>;

/**
 * A formula of a bucket rule: arithmetic over exact decimals with `+ - * /`, parentheses, unary
 * minus and plus, decimal numbers, the declared variables and the functions `min` and `max`.
 * Division keeps 40 significant digits (see `divideDecimal`); every other operation is exact.
 * The text is parsed by jsep into a syntax tree and evaluated here, so nothing else can run:
 * member access, other calls, strings and every other expression are rejected when compiled.
 */
export class Formula {
  private constructor(
    public readonly text: string,
    public readonly variables: readonly string[],
    /** Variables the formula uses, a subset of `variables`. */
    public readonly usedVariables: ReadonlySet<string>,
    private readonly tree: jsep.Expression,
    private readonly owner: string,
  ) {}

  /**
   * Parses and checks `text`. Throws a {@link ValueEquationError} naming `owner` (the rule or
   * bucket) for text over {@link MAX_FORMULA_LENGTH} characters or {@link MAX_FORMULA_NODES}
   * nodes, a syntax error, an expression kind that is not allowed, or an undeclared variable.
   */
  public static compile(text: string, variables: readonly string[], owner: string): Formula {
    if (text.length > MAX_FORMULA_LENGTH) {
      throw new ValueEquationError(`Formula of [${owner}] has [${text.length}] characters; ` +
        `at most ${MAX_FORMULA_LENGTH} are allowed`, owner);
    }
    let tree: jsep.Expression;
    try {
      tree = jsep(text);
    } catch (error: unknown) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ValueEquationError(`Formula [${text}] of [${owner}] is not valid: ${reason}`, owner);
    }
    const used = new Set<string>();
    const nodes = new FormulaChecker(text, new Set(variables), owner, used).check(tree);
    if (nodes > MAX_FORMULA_NODES) {
      throw new ValueEquationError(`Formula of [${owner}] has [${nodes}] nodes; at most ${MAX_FORMULA_NODES} ` +
        'are allowed', owner);
    }
    return new Formula(text, [...variables], used, tree, owner);
  }

  /**
   * Evaluates the formula. Every used variable must have a value. Throws a
   * {@link ValueEquationError} on a division by zero, naming the rule and `context` (the event).
   */
  public evaluate(values: FormulaValues, context: string): Decimal {
    return this.evaluateNode(this.tree, values, context);
  }

  private evaluateNode(node: jsep.Expression, values: FormulaValues, context: string): Decimal {
    switch (node.type) {
      case 'Literal':
        return parseDecimal((node as jsep.Literal).raw);
      case 'Identifier':
        return this.valueOf((node as jsep.Identifier).name, values, context);
      case 'UnaryExpression': {
        const unary = node as jsep.UnaryExpression;
        const argument = this.evaluateNode(unary.argument, values, context);
        return unary.operator === '-' ? argument.negated() : argument;
      }
      case 'BinaryExpression':
        return this.evaluateBinary(node as jsep.BinaryExpression, values, context);
      default: {
        const call = node as jsep.CallExpression;
        const name = (call.callee as jsep.Identifier).name;
        const evaluated = call.arguments.map((argument) => this.evaluateNode(argument, values, context));
        return (FUNCTIONS[name] as (values: Decimal[]) => Decimal)(evaluated);
      }
    }
  }

  private evaluateBinary(node: jsep.BinaryExpression, values: FormulaValues, context: string): Decimal {
    const left = this.evaluateNode(node.left, values, context);
    const right = this.evaluateNode(node.right, values, context);
    switch (node.operator) {
      case '+':
        return left.plus(right);
      case '-':
        return left.minus(right);
      case '*':
        return left.times(right);
      default:
        if (right.isZero()) {
          throw new ValueEquationError(`Formula [${this.text}] of [${this.owner}] divides by zero for [${context}]`,
            this.owner);
        }
        return divideDecimal(left, right);
    }
  }

  private valueOf(name: string, values: FormulaValues, context: string): Decimal {
    const value = values.get(name);
    if (value === undefined) {
      throw new ValueEquationError(`Formula [${this.text}] of [${this.owner}] has no value for variable ` +
        `[${name}] for [${context}]`, this.owner);
    }
    return value;
  }
}

/** Walks a parsed formula once to reject what is not allowed, collect variables and count nodes. */
class FormulaChecker {
  public constructor(
    private readonly text: string,
    private readonly declared: ReadonlySet<string>,
    private readonly owner: string,
    private readonly used: Set<string>,
  ) {}

  /** Returns the number of nodes under and including `node`. */
  public check(node: jsep.Expression): number {
    switch (node.type) {
      case 'Literal':
        return this.checkLiteral(node as jsep.Literal);
      case 'Identifier':
        return this.checkIdentifier(node as jsep.Identifier);
      case 'UnaryExpression': {
        const unary = node as jsep.UnaryExpression;
        this.expectOperator(unary.operator, ['-', '+']);
        return 1 + this.check(unary.argument);
      }
      case 'BinaryExpression': {
        const binary = node as jsep.BinaryExpression;
        this.expectOperator(binary.operator, ['+', '-', '*', '/']);
        return 1 + this.check(binary.left) + this.check(binary.right);
      }
      case 'CallExpression':
        return this.checkCall(node as jsep.CallExpression);
      default:
        throw this.error(`uses a [${node.type}], which formulas do not allow`);
    }
  }

  private checkLiteral(node: jsep.Literal): number {
    if (typeof node.value !== 'number' && !/^[\d.]/u.test(node.raw)) {
      throw this.error(`contains [${node.raw}], but formulas allow only decimal numbers`);
    }
    try {
      parseDecimal(node.raw);
    } catch (error: unknown) {
      throw this.error(`contains the number [${node.raw}], which is out of range: ${(error as Error).message}`);
    }
    return 1;
  }

  private checkIdentifier(node: jsep.Identifier): number {
    if (!this.declared.has(node.name)) {
      const declared = [...this.declared].join(', ');
      throw this.error(`uses variable [${node.name}], which is not declared; declared: [${declared}]`);
    }
    this.used.add(node.name);
    return 1;
  }

  private checkCall(node: jsep.CallExpression): number {
    const callee = node.callee;
    if (callee.type !== 'Identifier' || !Object.hasOwn(FUNCTIONS, (callee as jsep.Identifier).name)) {
      const name = callee.type === 'Identifier' ? (callee as jsep.Identifier).name : callee.type;
      throw this.error(`calls [${name}]; only [${Object.keys(FUNCTIONS).join(', ')}] may be called`);
    }
    if (node.arguments.length === 0) {
      throw this.error(`calls [${(callee as jsep.Identifier).name}] without arguments`);
    }
    return 1 + node.arguments.reduce((sum, argument) => sum + this.check(argument), 0);
  }

  private expectOperator(operator: string, allowed: string[]): void {
    if (!allowed.includes(operator)) {
      throw this.error(`uses operator [${operator}]; allowed: [${allowed.join(' ')}]`);
    }
  }

  private error(what: string): ValueEquationError {
    return new ValueEquationError(`Formula [${this.text}] of [${this.owner}] ${what}`, this.owner);
  }
}
