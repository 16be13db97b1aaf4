import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateZoneBody,
  DeleteZoneQuery,
  errorResponses,
  IdParams,
  LAYER_FEATURE,
  NoContent,
  SitesInArea,
  UpdateZoneBody,
} from '@gridwatch/contract';
import { AppError, notFound } from '../http/app-error';
import { requireZoneGeometry } from '../http/geometry-input';
import { requireZoneFields } from '../http/zone-input';
import { sitesWithin } from '../services/spatial-queries';
import type { ZoneWriteOutcome } from '../store/store';

function refuse(id: number, outcome: Exclude<ZoneWriteOutcome, { ok: true }>): never {
  if (outcome.reason === 'not-found') throw notFound(`No zone with id ${id}`);
  if (outcome.reason === 'version') {
    throw new AppError(
      409,
      'VERSION_CONFLICT',
      `Zone ${id} was changed meanwhile (now version ${outcome.currentVersion})`,
      [{ currentVersion: outcome.currentVersion }],
    );
  }
  throw new AppError(
    409,
    'ZONE_IN_USE',
    `Zone ${id} has ${outcome.statusChanges} recorded status changes: close it (state "closed") instead of deleting it`,
  );
}

/** Inspection zones: geometry validated (422 names the place), version-checked, every write audited. */
const zones: FastifyPluginAsyncTypebox = async (app) => {
  // The writes' refusals: access (401, 403), the body (400, 413, 415), the zone (404, 409), its geometry (422).
  const errors = errorResponses(400, 401, 403, 404, 409, 413, 415, 422);

  app.post(
    '/api/zones',
    {
      config: { access: 'write' },
      schema: { tags: ['zones'], body: CreateZoneBody, response: { 201: LAYER_FEATURE.zones, ...errors } },
    },
    async (request, reply) => {
      const { name, geometry, team = null, dueDate = null, notes = null, state = 'planned' } = request.body;
      requireZoneFields({ name, dueDate });
      const area = requireZoneGeometry(geometry);
      const { feature } = await app.store.zones.create(
        { name, geometry: area, team, dueDate, notes, state },
        request.user!.username,
      );
      return reply.code(201).send(feature);
    },
  );

  app.patch(
    '/api/zones/:id',
    {
      config: { access: 'write' },
      schema: {
        tags: ['zones'],
        params: IdParams,
        body: UpdateZoneBody,
        response: { 200: LAYER_FEATURE.zones, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { version, geometry, ...change } = request.body;
      requireZoneFields(change);
      const area = geometry === undefined ? {} : { geometry: requireZoneGeometry(geometry) };
      const outcome = await app.store.zones.update(
        id,
        version,
        { ...change, ...area },
        request.user!.username,
      );
      if (!outcome.ok) refuse(id, outcome);
      return outcome.feature;
    },
  );

  app.delete(
    '/api/zones/:id',
    {
      config: { access: 'write' },
      schema: {
        tags: ['zones'],
        params: IdParams,
        querystring: DeleteZoneQuery,
        response: { 204: NoContent, ...errors },
      },
    },
    async (request, reply) => {
      const outcome = await app.store.zones.delete(
        request.params.id,
        request.query.version,
        request.user!.username,
      );
      if (!outcome.ok) refuse(request.params.id, outcome);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/zones/:id/sites',
    {
      config: { access: 'read' },
      schema: {
        tags: ['zones'],
        description: 'The sites in the zone (boundary included) with the summary over them.',
        params: IdParams,
        response: { 200: SitesInArea, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const zone = await app.store.getFeature('zones', request.params.id);
      if (!zone) throw notFound(`No zone with id ${request.params.id}`);
      return sitesWithin(app.store, zone.geometry as Parameters<typeof sitesWithin>[1], null);
    },
  );
};

export default zones;
