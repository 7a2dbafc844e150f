export { browserNotFoundMessage, findBrowser, isExecutable, usualBrowserPaths, type FindBrowserOptions } from "./find.js";
export { BROWSER_ARGS, launchBrowser } from "./launch.js";
