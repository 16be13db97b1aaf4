-- The number of the electricity-use licence the regulator issued to the site (null: none on record), so a
-- LICENSED status can be checked against the licence register; imported, served on the sites layer.
ALTER TABLE sites ADD COLUMN licence_no TEXT;
