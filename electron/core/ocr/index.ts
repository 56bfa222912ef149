export type { GrayImage, OcrEngine, PageReading } from './engineTypes';
export { PaddleEngine, defaultModelFiles, fullWidthPunctuation, type OcrModelFiles } from './paddleEngine';
export { readingOrder } from './readingOrder';
export { OcrStore, ocrText } from './ocrStore';
export { canOcr, ocrFiles, PageSource } from './pageImages';
export { runOcr, type OcrItemResult, type OcrRunResult } from './runOcr';
