/** The pure rules of the utilities' periodic reports (issue 12, docs/reports.md): the routes call these. */
export * from './canonical';
export * from './discrepancies';
export * from './draft';
export * from './overview';
export * from './periods';
export * from './transitions';
