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
