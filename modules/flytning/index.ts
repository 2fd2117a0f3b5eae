// Client-safe public API of the flytning module: the versioned case bundle of P-8 (docs/case-bundle.md).
export {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  BundleSchema,
  formatPath,
  parseBundle,
  type Bundle,
  type BundleIssue,
} from "./bundle";
