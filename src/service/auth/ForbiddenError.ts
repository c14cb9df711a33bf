import { ApiError } from '../api/ApiProblem.js';

/** Raised with a 403 when an authenticated caller may not use the requested resource. */
export class ForbiddenError extends ApiError {
  public constructor(message: string) {
    super(403, 'forbidden', 'Forbidden', message);
    this.name = 'ForbiddenError';
  }
}
