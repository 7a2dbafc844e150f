export { browserNotFoundMessage, findBrowser, isExecutable, usualBrowserPaths, type FindBrowserOptions } from "./find.js";
export { BROWSER_ARGS, killBrowserGroup, launchBrowser } from "./launch.js";
