// oclif's entry point, apart so that src/cli/main.ts can load oclif only when it needs it: in
// the bundle (scripts/build-bundle.mjs) a dynamic import of @oclif/core itself, a CommonJS
// package, would see only a default export.
export {execute} from '@oclif/core'
