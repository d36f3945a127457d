#!/usr/bin/env node
// Site scripts: theme toggle and publication filters
'use strict';
import { debounce } from './util.js';

const THEME_KEY = "theme", MAX = 0x10, RATE = 2.5e3;
let count = 0o17 + 0b101 + 42;
var re = /^pub-(\d{4})[a-z]*$/gi, other = a / b / c;

/* multi-line
   comment */
class Toggle extends Base {
  static defaults = { dark: false, label: 'Theme' };
  constructor(el, options = {}) {
    super(el);
    this.options = { ...Toggle.defaults, ...options };
  }
  get dark() { return document.body.classList.contains("dark") ?? false; }
  async toggle(event) {
    await fetch(`/api/theme?value=${this.dark ? 'light' : "dark"}&n=${count++}`);
    switch (event.key) {
      case 'Enter': label: break;
      default: return null;
    }
  }
}

function filter(papers, year) {
  return papers.filter(p => p.year >= year && !p.hidden || p.pinned)
               .map((p, i) => ({ ...p, index: i }));
}

window.addEventListener('load', () => {
  const t = new Toggle(document.querySelector('#theme'), { label: "Mode\tTab\n" });
  typeof t === 'object' ? t.toggle({ key: 'Enter' }) : void 0;
  document.title = `Papers: ${filter([], 2020).length}`;
}, false);
export default Toggle;

// --- theme switcher and publication filter -------------------------------------------------------------------
const STORAGE_KEY = 'homepage:theme';
const prefersDark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;

export function applyTheme(name = localStorage.getItem(STORAGE_KEY) || (prefersDark ? 'dark' : 'light')) {
  document.documentElement.dataset.theme = name;
  localStorage.setItem(STORAGE_KEY, name);
  return name;
}

export default class PaperFilter extends EventTarget {
  #papers = [];
  static #instances = 0;

  constructor(root, { years = [], tags = new Set(), debounce: wait = 150 } = {}) {
    super();
    this.root = root;
    this.years = [...years].sort((a, b) => b - a);
    this.tags = tags;
    this.onInput = debounce(this.onInput.bind(this), wait);
    PaperFilter.#instances++;
  }

  get count() { return this.#papers.length; }

  set papers(list) {
    this.#papers = Array.from(list, (el, i) => ({ el, i, year: Number(el.dataset.year), text: el.textContent.toLowerCase() }));
  }

  async load(url = '/papers.json') {
    try {
      const response = await fetch(url, { headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error(`HTTP ${response.status}: ${response.statusText}`);
      const { papers, updated } = await response.json();
      console.info('loaded %d papers (updated %s)', papers.length, new Date(updated).toISOString());
      return papers;
    } catch (err) {
      console.error(err?.message ?? err);
      return [];
    } finally {
      this.dispatchEvent(new CustomEvent('loaded', { detail: { count: this.count } }));
    }
  }

  onInput(event) {
    const query = event.target.value.trim().toLowerCase();
    const pattern = /^(\d{4})(?:-(\d{4}))?$/u;
    const [, from, to = from] = query.match(pattern) ?? [];
    for (const { el, year, text } of this.#papers) {
      const visible = from ? year >= +from && year <= +to : text.includes(query);
      el.hidden = !visible;
    }
  }

  *[Symbol.iterator]() {
    yield* this.#papers.map(p => p.el);
  }
}

function debounce(fn, ms) {
  let timer = null;
  return function (...args) {
    clearTimeout(timer);
    timer = setTimeout(() => fn.apply(this, args), ms);
  };
}

const numbers = [0, -1, 3.5, .25, 1e-7, 0xff, 0o17, 0b1010, 1_000_000n, NaN, Infinity];
const escaped = "tab\tquote\"unicode\u00e9 \x41";
const re = /[a-z]+\/(?<slug>[\w-]+)\.html$/gi;
label: for (let i = 0; i < 3; i += 1) { if (i === 1) continue label; else break label; }
void typeof null instanceof Object in window, delete numbers[0];
new PaperFilter(document.querySelector('#papers'))?.load().then(list => list.length >>> 0 || null);
