export { Library, LIBRARY_FORMAT_VERSION, type LibraryInfo, type LibraryOptions } from './library';
export { FileStore, hashFile } from './fileStore';
export { AuditLog, diffFields, type AuditEntry, type AuditChange } from './auditLog';
