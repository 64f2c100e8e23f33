/**
 * lectern's page runtime (`assets/lectern.js` of every deck): loaded after
 * reveal.js and before the page's `Reveal.initialize()`, it registers its
 * plugins with the deck: fitting (fit.ts) and remote pictures
 * (remote-images.ts). `window.lectern` is the same API for scripts outside
 * the deck's plugins (exports, tests).
 */
import {fitPlugin} from './fit.js'
import {registerPlugin} from './reveal.js'
import {loadRemote, remoteImagesPlugin} from './remote-images.js'

registerPlugin(fitPlugin)
registerPlugin(remoteImagesPlugin)
const {fitAll, fit, overflow, minimum} = fitPlugin
;(window as unknown as {lectern: unknown}).lectern = {fitAll, fit, overflow, minimum, loadRemote}
