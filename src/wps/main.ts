/// <reference types="wps-jsapi" />
/**
 * The WPS add-in's entry page script: WPS loads index.html hidden and calls the functions ribbon.xml
 * names on the global `ribbon` object.
 */
import { ribbonCallbacks } from './addin';

declare global {
  interface Window {
    ribbon?: ReturnType<typeof ribbonCallbacks>;
  }
}

window.ribbon = ribbonCallbacks(wps, window.location.href);
