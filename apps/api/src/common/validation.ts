import { ValidationPipe, type ValidationError } from '@nestjs/common';
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
