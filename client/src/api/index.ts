export { ApiError } from './api-error';
export { createApiClient, type ApiClient, type DetailLayerId } from './client';
export type * from './types';
