export { VolumeStore } from './volumeStore';
export { resolveBook, volumeFromItems, countVolume, type ItemSource } from './resolveBook';
export { garbledArticles, markGarbled, GARBLED_MARK, type GarbledArticle, type GarbledMode } from './garbled';
export { titleChecks, looksLikeFileName, type TitleCheck, type TitleProblem } from './titleChecks';
