/**
 * Playground bootstrap: no Office.js. The page's query may choose the display language
 * (?lang=en), another sample from samples/ (?sample=name.xlsx), the task pane's width (?pane=320)
 * and the host the pane talks to (?host=wps: the fake WPS 表格 through the WPS adapter).
 */
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { Playground } from './Playground';
import { hostKindOf } from './wps';

const DEFAULT_SAMPLE = 'communities.xlsx';

const params = new URLSearchParams(window.location.search);
const displayLanguage = params.get('lang') ?? 'zh-CN';
const asked = params.get('sample') ?? '';
// Only a plain file name of the samples folder: the query cannot point the page elsewhere.
const sample = /^[\w\u4e00-\u9fff.-]+\.xlsx$/.test(asked) ? asked : DEFAULT_SAMPLE;

const width = Number(params.get('pane'));
const paneWidth = Number.isInteger(width) && width >= 280 && width <= 800 ? width : undefined;

const root = document.getElementById('root');
if (!root) throw new Error('playground: #root element missing from index.html');
document.documentElement.lang = displayLanguage;
createRoot(root).render(
  createElement(Playground, {
    displayLanguage,
    // Relative to the page: the samples are served beside it, in dev and in a build.
    sampleUrl: encodeURIComponent(sample),
    ...(paneWidth ? { paneWidth } : {}),
    hostKind: hostKindOf(params.get('host')),
  }),
);
