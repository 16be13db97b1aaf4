import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  errorResponses,
  IdParams,
  MAX_READING_DAYS,
  Readings,
  ReadingsImportQuery,
  ReadingsImportResult,
  ReadingsQuery,
  SignatureList,
  SignaturesQuery,
  todayInBeijing,
} from '@gridwatch/contract';
import { readReadingsCsv } from '../domain/import/read-readings';
import { dayNumber, dayText } from '../domain/signatures/daily-load';
import { AppError, notFound, validationFailed } from '../http/app-error';
import { dayParam } from '../http/day-param';
import { importReadings } from '../services/import-readings';
import { readingsOf, signatures } from '../services/readings';

/** A readings CSV is ~40 bytes a row: 5M rows (MAX_READINGS_ROWS) fit. */
const READINGS_BODY_LIMIT = 256 * 1024 * 1024;

const refuse = (path: string, message: string) =>
  validationFailed(message, [{ in: 'querystring', path, message }]);

/** Metered load over time, the mining signatures, and the readings import (docs/detection.md). */
const readings: FastifyPluginAsyncTypebox = async (app) => {
  app.addContentTypeParser(
    'text/csv',
    { parseAs: 'buffer', bodyLimit: READINGS_BODY_LIMIT },
    (_r, body, done) => done(null, body),
  );

  app.get(
    '/api/substations/:id/readings',
    {
      config: { access: 'read' },
      schema: {
        tags: ['readings'],
        description:
          "A substation's metered load from `from` to `to` (Beijing days, both included): every hourly reading " +
          '(resolution=hour, at most 366 days) or each day’s mean and peak (resolution=day, at most 3660 days), ' +
          'with the load its sites explain each day (licensed, known illegal, by their status at the day’s end).',
        params: IdParams,
        querystring: ReadingsQuery,
        response: { 200: Readings, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { resolution } = request.query;
      const to =
        request.query.to === undefined ? todayInBeijing(Date.now()) : dayParam('to', request.query.to);
      const from =
        request.query.from === undefined ? dayText(dayNumber(to) - 29) : dayParam('from', request.query.from);
      const span = dayNumber(to) - dayNumber(from) + 1;
      if (span < 1) throw refuse('/from', `from (${from}) is after to (${to})`);
      if (span > MAX_READING_DAYS[resolution])
        throw refuse(
          '/from',
          `at resolution=${resolution} a request covers at most ${MAX_READING_DAYS[resolution]} days`,
        );
      const substation = await app.store.getFeature('substations', id);
      if (!substation) throw notFound(`No substation with id ${id}`);
      const baseLoadMw = (substation.properties as { baseLoadMw?: number | null }).baseLoadMw ?? null;
      return readingsOf(app.store, { id, baseLoadMw }, from, to, resolution);
    },
  );

  app.get(
    '/api/analysis/signatures',
    {
      config: { access: 'read' },
      schema: {
        tags: ['queries'],
        description:
          'Metered substations ranked by unexplained load that carries mining signatures as of a Beijing day: a ' +
          'sustained step of minStepMw or more held 7 days (its date and size) in the year of readings up to ' +
          'asOf, and how flat the added load is (night/day ratio, load factor); each row says why.',
        querystring: SignaturesQuery,
        response: { 200: SignatureList, ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const { radiusKm, minStepMw } = request.query;
      const asOf =
        request.query.asOf === undefined ? todayInBeijing(Date.now()) : dayParam('asOf', request.query.asOf);
      return signatures(app.store, { radiusKm, minStepMw }, asOf);
    },
  );

  app.post(
    '/api/import/readings',
    {
      config: { access: 'admin' },
      bodyLimit: READINGS_BODY_LIMIT,
      schema: {
        tags: ['import'],
        description:
          'Imports hourly readings from a SCADA/AMI CSV (text/csv: substationExternalId, timestamp, mw; ISO 8601 ' +
          'on the hour, Beijing time when it has no offset), all or nothing: an unknown substation, a second ' +
          'reading of an hour, a negative or non-numeric mw refuses the import with 422 IMPORT_INVALID naming ' +
          'the rows (the first 1000). A gap is no error. A reading of an hour already stored replaces it.',
        querystring: ReadingsImportQuery,
        response: { 200: ReadingsImportResult, ...errorResponses(400, 401, 403, 413, 415, 422) },
      },
    },
    async (request) => {
      const { dryRun, encoding } = request.query;
      const body: unknown = request.body;
      if (!Buffer.isBuffer(body))
        throw new AppError(415, 'VALIDATION_FAILED', 'send the readings as text/csv');
      let text: string;
      try {
        text = new TextDecoder(encoding === 'gb18030' ? 'gb18030' : 'utf-8', { fatal: true }).decode(body);
      } catch {
        throw new AppError(
          400,
          'VALIDATION_FAILED',
          `the CSV is not valid ${encoding === 'utf8' ? 'UTF-8' : 'GB 18030'}`,
        );
      }
      const read = readReadingsCsv(text);
      if (!read.ok) {
        const code = read.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED';
        throw new AppError(read.status, code, read.reason, [{ in: 'body', path: '', message: read.reason }]);
      }
      const outcome = await importReadings(app.store, read, dryRun);
      if (!outcome.ok) {
        const n = outcome.total;
        const listed = outcome.problems.length < n ? ` (the first ${outcome.problems.length} listed)` : '';
        throw new AppError(
          422,
          'IMPORT_INVALID',
          `${n} ${n === 1 ? 'row is' : 'rows are'} invalid${listed}, so nothing was imported`,
          outcome.problems,
        );
      }
      const { ok: _ok, ...counts } = outcome;
      return { ...counts, dryRun };
    },
  );
};

export default readings;
