export { browserNotFoundMessage, findBrowser, isExecutable, usualBrowserPaths, type FindBrowserOptions } from "./find.js";
export { killBrowserGroup, launchBrowser } from "./launch.js";
