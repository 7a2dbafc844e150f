export {
  browserNotFound,
  browserNotFoundMessage,
  browsersOnPath,
  findBrowser,
  inContainer,
  isExecutable,
  usualBrowserPaths,
  type ContainerProbe,
  type FindBrowserOptions,
} from "./find.js";
export { browserArgs, killBrowserGroup, launchBrowser } from "./launch.js";
