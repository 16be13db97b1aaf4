-- Which region holds which point (sites, substations, pylons), boundary included. Computed in TypeScript by
-- the exact point-in-polygon test (server/src/domain/geo/region-members.ts) when points or regions are written,
-- so the layer route, the vector tiles and the exports all filter a region with one indexed lookup.
-- A point on a border between two regions belongs to both; a prefecture's points also belong to the province.
CREATE TABLE region_members (
  region_id  INTEGER NOT NULL REFERENCES regions (id),
  layer      TEXT    NOT NULL CHECK (layer IN ('sites', 'substations', 'pylons')),
  feature_id INTEGER NOT NULL,
  PRIMARY KEY (region_id, layer, feature_id)
);
CREATE INDEX region_members_layer_feature_id_idx ON region_members (layer, feature_id);
