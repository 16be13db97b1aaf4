/**
 * The module vite-plugin-pwa makes at build time (client/src/offline/register-worker.ts uses it); declared here,
 * as much as is used, rather than by a reference to the plugin's types, which the dependency check cannot resolve.
 */
declare module 'virtual:pwa-register' {
  export function registerSW(options?: { immediate?: boolean }): (reloadPage?: boolean) => Promise<void>;
}
