import { expect, type APIRequestContext } from '@playwright/test';
import type { ApiFeatureCollection, LayerId } from '../../client/src/api';

/** Reads a layer from the server under test, to pick features the way a user would find them. */
export async function fetchLayer<L extends LayerId>(
  request: APIRequestContext,
  layer: L,
  query = '',
): Promise<ApiFeatureCollection<L>> {
  const response = await request.get(`/api/layers/${layer}${query}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as ApiFeatureCollection<L>;
}

export function pointOf(feature: { geometry: { type: string; coordinates?: unknown } }): [number, number] {
  const { geometry } = feature;
  if (geometry.type !== 'Point') throw new Error(`expected a Point, got ${geometry.type}`);
  return geometry.coordinates as [number, number];
}

export async function fetchJson<T>(request: APIRequestContext, path: string): Promise<T> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

export const unlicensedLoadPath = (id: number, radiusKm: number) =>
  `/api/substations/${id}/unlicensed-load?radiusKm=${radiusKm}&includeSuspected=false`;

export const hotspotsPath = (radiusKm: number) => `/api/analysis/hotspots?radiusKm=${radiusKm}&limit=20`;
