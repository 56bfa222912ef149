export { VolumeStore } from './volumeStore';
export { resolveBook, volumeFromItems, countVolume, type ItemSource } from './resolveBook';
