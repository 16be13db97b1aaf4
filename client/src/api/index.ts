export { ApiError } from './api-error';
export { createApiClient, type ApiClient, type DetailLayerId } from './client';
export { filterSearch } from './paths';
export type * from './types';
