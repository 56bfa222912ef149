export {
  verifyLibrary,
  nextVerificationDue,
  libraryFolders,
  DEFAULT_REGENERATORS,
  type IntegrityProblem,
  type ProblemKind,
  type Regenerator,
  type VerifyOptions,
  type VerifyReport,
} from './verifyLibrary';
export { diagnoseLibrary, type DoctorReport, type DoctorSection } from './doctor';
