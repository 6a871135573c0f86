import { ValidationPipe, type ArgumentMetadata, type PipeTransform, type Type, type ValidationError } from '@nestjs/common';
import { InputValidationException } from './errors.js';

function firstProblem(errors: ValidationError[], parent = ''): { field: string; message: string } | undefined {
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const message = error.constraints ? Object.values(error.constraints)[0] : undefined;
    if (message) return { field, message };
    const nested = firstProblem(error.children ?? [], field);
    if (nested) return nested;
  }
  return undefined;
}

/**
 * Text no field may hold: NUL, which PostgreSQL refuses to store (an internal error at the
 * INSERT), and half of a surrogate pair, which the driver's UTF-8 encoding would silently
 * store as U+FFFD (so what was saved is not what was sent).
 */
// eslint-disable-next-line no-control-regex
const UNSTORABLE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The first string anywhere in an argument that holds unstorable text, named like
 * class-validator names fields: a scalar argument by its own name (`password`), a field of
 * an input by its property path without the argument's name (`title`, `contributors.name`),
 * list elements by their list's name.
 */
export function unstorableTextIn(value: unknown, path: string, top = true): { field: string; message: string } | undefined {
  if (typeof value === 'string') {
    const found = UNSTORABLE_TEXT.exec(value);
    if (!found) return undefined;
    return {
      field: path,
      message:
        found[0] === '\u0000'
          ? 'This text contains the NUL character (U+0000), which cannot be stored. Remove it and try again.'
          : 'This text contains half of a character (an unpaired UTF-16 surrogate, e.g. from a cut emoji). Remove it and try again.',
    };
  }
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = unstorableTextIn(item, path, top);
      if (problem) return problem;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const problem = unstorableTextIn(item, top ? key : `${path}.${key}`, false);
      if (problem) return problem;
    }
  }
  return undefined;
}

/**
 * The global pipe: the input class's own rules first (their messages say more, e.g. "Role
 * cannot contain control characters"), then the rule for all text, on every string argument:
 * scalar ones and list elements too, which class-validator never sees.
 */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Global pipes also see every @Parent(), @Context() and viewer a field resolver takes: not
    // input, and validating them would copy each parent row through class-transformer on every
    // field of every list item (a third of a question list's allocations).
    if (!isClientInput(metadata)) return value;
    const validated: unknown = await super.transform(value, metadata);
    // A list of inputs is left to ValidateEach, which checks each element's own rules first and
    // then this one (a list argument without it fails the mutation fuzz test).
    if (!isListOfInputs(validated)) {
      const problem = unstorableTextIn(validated, metadata.data ?? '');
      if (problem) throw new InputValidationException(problem.field || undefined, problem.message);
    }
    return validated;
  }
}

// GqlParamtype.ARGS of @nestjs/graphql, which does not export the enum; the mutation fuzz
// test (NUL in a scalar argument) fails if it ever changes.
const GRAPHQL_ARGS = 3;
const isListOfInputs = (value: unknown) => Array.isArray(value) && value.some((item) => item !== null && typeof item === 'object');
const isClientInput = ({ type }: ArgumentMetadata) => (type as unknown) === GRAPHQL_ARGS || type === 'body' || type === 'query' || type === 'param';

/**
 * Validates every input class with class-validator and reports the first problem as
 * BAD_USER_INPUT naming the field, e.g. `title`, in words a person understands. Text that
 * cannot be stored as sent is refused in every argument (see UNSTORABLE_TEXT).
 */
export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
    transform: true,
    whitelist: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const problem = firstProblem(errors);
      return new InputValidationException(problem?.field, problem?.message ?? 'The input is not valid.');
    },
  });
}

/**
 * Validates every element of a list argument, e.g. `@Args('input', { type: () => [X] }, new ValidateEach(X))`.
 * The global pipe leaves lists alone (their metatype is Array, which carries no rules), so
 * without this a list of inputs reaches the service unchecked. A problem is reported like
 * any other: BAD_USER_INPUT naming the element's field (`role`), the message saying which one.
 */
export class ValidateEach<T extends object> implements PipeTransform<unknown, Promise<T[]>> {
  private readonly pipe = createValidationPipe();

  constructor(private readonly itemClass: Type<T>) {}

  async transform(value: unknown): Promise<T[]> {
    if (!Array.isArray(value)) throw new InputValidationException(undefined, 'Expected a list.');
    const items: T[] = [];
    for (const [index, item] of value.entries()) {
      try {
        items.push((await this.pipe.transform(item, { type: 'body', metatype: this.itemClass })) as T);
      } catch (error) {
        if (error instanceof InputValidationException && value.length > 1) {
          throw new InputValidationException(error.details.field, `${error.message} (item ${index + 1} of ${value.length})`);
        }
        throw error;
      }
    }
    return items;
  }
}
