// The application layer's public face: what the doors (main, preload, server, cli) may use.
export { Application, type ApplicationOptions } from './application';
export type { DoorPolicy } from './context';
export { errorCode, toApiError } from './errors';
export type { Resource, ResourceRequest } from './resources';
export { confinedPath, disposition } from './resources';
export { resolveRendererFile, type RendererFile } from './rendererFiles';
export { packagedFonts } from './fonts';
export { Workspace, type OpenLibrary, type SwitchOutcome } from './workspace/workspace';
export { createLibrary, holdsLibrary, restoreLibrary } from './workspace/libraryFolders';
export * from './workspace/recentLibraries';
export { loadPersonName, savePersonName, systemUserName } from './workspace/personName';
