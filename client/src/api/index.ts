export { ApiError } from './api-error';
export { createApiClient, reportPdfPath, type ApiClient, type DetailLayerId } from './client';
export { filterSearch } from './paths';
export type * from './types';
