// The folder of this compiled file. Written for CommonJS (the CJS build and Jest);
// scripts/build.mjs replaces the ESM build's copy with module-dir.esm.js, because
// `import.meta` cannot appear in source that also compiles to CommonJS.
export const moduleDir: string = __dirname;
