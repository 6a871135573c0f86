import { ValidationPipe, type PipeTransform, type Type, type ValidationError } from '@nestjs/common';
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
 * Validates every input class with class-validator and reports the first problem as
 * BAD_USER_INPUT naming the field, e.g. `title`, in words a person understands.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
