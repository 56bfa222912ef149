export type { GrayImage, OcrEngine, PageReading } from './engineTypes';
export { PaddleEngine, defaultModelFiles, fullWidthPunctuation, type OcrModelFiles } from './paddleEngine';
export { readingOrder } from './readingOrder';
