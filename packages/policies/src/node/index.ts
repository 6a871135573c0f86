// Node-only entry (@policy-commons/policies/node): filesystem loading for the api and
// CLI. The main entry stays free of node: imports so the web app can bundle it.
export * from './corpus-loader.js';
