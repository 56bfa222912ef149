// Word proofs (校样): a volume written to .docx with marked paragraphs, and a proofed copy read back.
export { writeDocx, proofLines } from './writeDocx';
export { readProofParagraphs, matchProof, type ProofedLines } from './readProof';
export { readDocumentXml, type ProofParagraph } from './documentXml';
export { diffProof, applyProofChanges, type ProofChange } from './proofDiff';
