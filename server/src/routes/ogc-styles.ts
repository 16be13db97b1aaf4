import { readFile } from 'node:fs/promises';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  errorResponses,
  MapStyleDocument,
  SpriteIndex,
  StyleFileBody,
  StyleFileParams,
} from '@gridwatch/contract';
import { notFound } from '../http/app-error';
import { linkMaker } from '../http/ogc-request';
import {
  fontFile,
  ogcStyle,
  SPRITE_FILES,
  spriteIndex,
  spritePng,
  STYLE_PATH,
  type SpriteFile,
} from '../services/ogc/ogc-style';

/**
 * The whole map as one MapLibre style (docs/gis-clients.md, "The whole map from one URL"): the style, its sprite
 * and its label font. None holds data; the tiles and GeoJSON the style points at are read with the user's scope.
 */
const ogcStyles: FastifyPluginAsyncTypebox = async (app) => {
  const config = { access: 'read' } as const;
  const tags = ['ogc'];

  app.get(
    STYLE_PATH,
    {
      config,
      schema: {
        tags,
        description:
          'The map as the app draws it, as MapLibre style JSON (version 8) with absolute URLs: the /ogc tiles, the offline basemap, a sprite, the label font. A token given as ?access_token= is carried on in every URL.',
        response: { 200: MapStyleDocument, ...errorResponses(401) },
      },
    },
    async (request) => {
      const base = `${request.protocol}://${request.host}`;
      return ogcStyle(linkMaker(request), base);
    },
  );

  app.get(
    `${STYLE_PATH}/:file`,
    {
      config,
      schema: {
        tags,
        description: "The style's sprite: sprite.json, sprite.png, sprite@2x.json, sprite@2x.png.",
        params: StyleFileParams,
        // The JSON index is checked; the PNG, a file, is not (response-check.ts).
        response: { 200: Type.Union([SpriteIndex, StyleFileBody]), ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => {
      const { file } = request.params;
      if (!Object.hasOwn(SPRITE_FILES, file))
        throw notFound(`No sprite file "${file}": sprite.json, sprite.png, sprite@2x.json or sprite@2x.png`);
      const { ratio, png } = SPRITE_FILES[file as SpriteFile];
      reply.header('cache-control', 'public, max-age=86400');
      if (png) return reply.type('image/png').send(await spritePng(ratio));
      return spriteIndex(ratio);
    },
  );

  app.get(
    `${STYLE_PATH}/fonts/:file`,
    {
      config,
      schema: {
        tags,
        description: "The label font's files (Noto Sans, WOFF2), named in the style's font-faces.",
        params: StyleFileParams,
        response: { 200: StyleFileBody, ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => {
      const file = fontFile(request.params.file);
      if (!file) throw notFound(`No font file "${request.params.file}"`);
      reply.header('cache-control', 'public, max-age=86400');
      return reply.type('font/woff2').send(await readFile(file));
    },
  );
};

export default ogcStyles;
