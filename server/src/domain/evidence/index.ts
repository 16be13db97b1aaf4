/**
 * Evidence attachments (issue 12): whether an uploaded file is acceptable, and what is known of it. Pure of HTTP
 * and the database; docs/evidence.md explains every rule.
 */
export { inspectUpload, checkAttachmentCount } from './inspect-upload';
export type { AcceptedEvidence, InspectionResult } from './inspect-upload';
export { makeThumbnail } from './decode';
export type { Thumbnail } from './decode';
export { gpsFlags } from './gps';
export type { GpsCheck, GpsFlag, PhotoGps } from './gps';
export type { EvidenceErrorCode, EvidenceRefusal } from './refusal';
export { EVIDENCE_TYPES } from './sniff';
export type { EvidenceType } from './sniff';
export { ACTIVE_PDF_NAMES } from './pdf';
export * from './limits';
