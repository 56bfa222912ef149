export { VolumeStore } from './volumeStore';
export { resolveBook, resolveArticle, volumeFromItems, countVolume, type ItemSource } from './resolveBook';
