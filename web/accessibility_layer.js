// Dossier Radar's accessibility layer (issue #21; docs/accessibility.md). The app draws on one
// canvas; every frame its views describe what they show (src/ui/item_marks.hpp, handed over by
// src/app/accessibility_bridge.cpp). This script keeps a matching tree of ARIA elements over the
// canvas, invisible but present, touching only what changed, so that screen readers,
// find-in-page and role-based test locators see the app. Both directions: activating an element
// (click, Enter, Space) clicks its widget on the canvas through the mouse events the app already
// handles; focusing a text box activates its field, and typing goes on to the app. The page's
// focus follows ImGui's keyboard navigation while it is in the layer or on the canvas.
(function () {
  'use strict';

  // [SECTION] The layer: a transparent box over the canvas that lets the mouse through, and a
  // live region for status messages (the last few stay, so that each one can be read).
  const style = document.createElement('style');
  style.textContent = `
    #radar-accessibility, #radar-accessibility * { position: absolute; box-sizing: border-box; margin: 0; padding: 0;
      border: 0; background: transparent; color: transparent; caret-color: transparent; font: inherit;
      overflow: clip; white-space: nowrap; pointer-events: none; }
    #radar-accessibility { inset: 0; z-index: 1; }
    #radar-accessibility :focus-visible { outline: 3px solid #d6603c; outline-offset: -3px; }  /* inside: a parent clips its outside */
    #radar-accessibility #radar-announcements { left: 0; top: 0; width: 1px; height: 1px; }`;
  document.head.appendChild(style);
  const layer = document.createElement('div');
  layer.id = 'radar-accessibility';
  const root = document.createElement('div');
  root.style.inset = '0';
  const announcements = document.createElement('div');
  announcements.id = 'radar-announcements';
  announcements.setAttribute('role', 'status');
  announcements.setAttribute('aria-live', 'polite');
  announcements.setAttribute('aria-relevant', 'additions text');
  layer.append(root, announcements);
  const keptAnnouncements = 5;

  // [SECTION] Elements per role. Activatable ones are buttons (Enter and Space click them).
  const elementOf = {
    heading: () => document.createElement('div'),
    tablist: () => document.createElement('div'),
    tab: () => document.createElement('button'),
    button: () => document.createElement('button'),
    checkbox: () => document.createElement('button'),
    textbox: () => document.createElement('input'),
    progressbar: () => document.createElement('div'),
    table: () => document.createElement('div'),
    row: () => document.createElement('div'),
    cell: () => document.createElement('div'),
    columnheader: () => document.createElement('div'),
    status: () => document.createElement('div'),  // in place, as text; spoken through the live region
    list: () => document.createElement('div'),
    listitem: () => document.createElement('div'),
    slider: focusable,      // arrow keys, Page Up/Down, Home/End set its value (below)
    spinbutton: focusable,
    combobox: () => document.createElement('button'),  // opens its list on the canvas
    listbox: () => document.createElement('div'),
    option: () => document.createElement('button'),
    dialog: () => document.createElement('div'),
    img: () => document.createElement('div'),  // a chart: its name says what it shows
    group: () => document.createElement('div'),
    paragraph: () => document.createElement('p'),
  };
  function focusable() {
    const element = document.createElement('div');
    element.tabIndex = 0;
    return element;
  }
  const activatable = new Set(['tab', 'button', 'checkbox', 'row', 'combobox', 'option']);
  const ranged = new Set(['slider', 'spinbutton']);
  const nativeRoles = { button: 'BUTTON', textbox: 'INPUT' };  // not repeated as a role attribute

  const nodes = new Map();  // key -> { element, item }

  // The element's listeners find its widget through data-key: an element is reused for another
  // widget of its role (follow).
  function create(item) {
    const element = elementOf[item.role]();
    if (element.tagName === 'BUTTON') element.type = 'button';
    if (item.role !== 'status' && nativeRoles[item.role] !== element.tagName) element.setAttribute('role', item.role);
    if (item.role === 'textbox') {
      element.type = 'text';
      // Focused by the app's navigation (following it), the field is not clicked.
      element.addEventListener('focus', () => { if (!followingApp) activateTextBox(element, element.dataset.key); });
      // While it has the focus it keeps what was typed; afterwards it shows the app's text again.
      element.addEventListener('blur', () => {
        const node = nodes.get(element.dataset.key);
        if (node) element.value = node.item.value || '';
      });
    }
    if (activatable.has(item.role)) element.addEventListener('click', () => activate(element.dataset.key));
    return element;
  }

  function setAttribute(element, name, value) {
    if (value === undefined || value === null || value === false) {
      if (element.hasAttribute(name)) element.removeAttribute(name);
    } else if (element.getAttribute(name) !== String(value)) {
      element.setAttribute(name, String(value));
    }
  }

  // Sets what differs from the element's previous item.
  function update(element, item, previous, origin) {
    const ratio = window.devicePixelRatio || 1;
    const [left, top, right, bottom] = item.box;
    const box = [(left - origin[0]) / ratio, (top - origin[1]) / ratio, (right - left) / ratio, (bottom - top) / ratio];
    const previousBox = previous && previous.placed;
    if (!previousBox || box.some((value, i) => value !== previousBox[i])) {
      element.style.left = box[0] + 'px';
      element.style.top = box[1] + 'px';
      element.style.width = Math.max(box[2], 1) + 'px';
      element.style.height = Math.max(box[3], 1) + 'px';
    }
    item.placed = box;
    const named = (text) => {
      if (!previous || previous.name !== item.name) element.textContent = text;
    };
    switch (item.role) {
      case 'textbox':
        setAttribute(element, 'aria-label', item.name);
        if (element.value !== (item.value || '') && document.activeElement !== element) element.value = item.value || '';
        break;
      case 'tablist': case 'table': case 'progressbar': case 'list': case 'slider': case 'spinbutton': case 'listbox':
      case 'dialog': case 'img': case 'group':
        setAttribute(element, 'aria-label', item.name);
        break;
      case 'row':
        setAttribute(element, 'aria-label', item.name || null);
        break;
      case 'combobox':  // takes no name from its text: named by what it is for, showing its choice
        setAttribute(element, 'aria-label', item.name);
        if (!previous || previous.value !== item.value || previous.name !== item.name) element.textContent = item.value || item.name;
        break;
      default:
        named(item.name);
    }
    if (item.role === 'tab') setAttribute(element, 'aria-selected', String(!!item.selected));
    if (item.role === 'row') setAttribute(element, 'aria-selected', item.selected ? 'true' : null);
    if (item.role === 'row') setAttribute(element, 'tabindex', item.activatable ? '0' : null);  // Enter and Space open it
    if (item.role === 'button') setAttribute(element, 'aria-pressed', item.selected && !item.expandable ? 'true' : null);
    if (item.role === 'button') setAttribute(element, 'aria-expanded', item.expandable ? String(!!item.expanded) : null);
    if (item.role === 'checkbox') setAttribute(element, 'aria-checked', String(!!item.checked));
    if (item.role === 'heading') setAttribute(element, 'aria-level', item.level || 2);
    if (item.role === 'progressbar') setAttribute(element, 'aria-valuetext', item.value || '');
    if (item.role === 'table') setAttribute(element, 'aria-rowcount', item.rowCount || null);
    if (item.role === 'row') setAttribute(element, 'aria-rowindex', item.rowIndex || null);
    if (item.role === 'option') setAttribute(element, 'aria-selected', String(!!item.selected));
    if (item.role === 'combobox') setAttribute(element, 'aria-expanded', String(!!item.expanded));
    if (item.role === 'dialog') setAttribute(element, 'aria-modal', item.modeless ? null : 'true');
    if (ranged.has(item.role) && item.range) {
      setAttribute(element, 'aria-valuenow', item.range[0]);
      setAttribute(element, 'aria-valuemin', item.range[1]);
      setAttribute(element, 'aria-valuemax', item.range[2]);
      setAttribute(element, 'aria-valuetext', item.value || null);
    }
    setAttribute(element, 'aria-disabled', item.disabled ? 'true' : null);
  }

  // Puts `children` in this order under `parent`, moving as few as can be (a moved element loses
  // focus, and each move makes the browser's work): the longest run already in order stays.
  function arrange(parent, children) {
    const placeOf = new Map();
    let place = 0;
    for (let child = parent.firstChild; child; child = child.nextSibling) placeOf.set(child, place++);
    const staying = longestIncreasing(children.map((child) => (placeOf.has(child) ? placeOf.get(child) : -1)));
    let next = null;
    for (let i = children.length - 1; i >= 0; --i) {
      if (!staying.has(i)) parent.insertBefore(children[i], next);
      next = children[i];
    }
  }
  // The indexes of a longest strictly increasing subsequence of `places` (negative ones left out).
  function longestIncreasing(places) {
    const ends = [];      // ends[k]: index of the smallest last place of a run of length k + 1
    const before = [];    // before[i]: the index before i in its run
    places.forEach((value, i) => {
      if (value < 0) return;
      let low = 0, high = ends.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (places[ends[middle]] < value) low = middle + 1; else high = middle;
      }
      before[i] = low > 0 ? ends[low - 1] : -1;
      ends[low] = i;
    });
    const staying = new Set();
    for (let i = ends.length ? ends[ends.length - 1] : -1; i >= 0; i = before[i]) staying.add(i);
    return staying;
  }

  function announce(texts) {
    for (const text of texts) {
      const line = document.createElement('p');
      line.textContent = text;
      announcements.appendChild(line);
    }
    while (announcements.childElementCount > keptAnnouncements) announcements.firstElementChild.remove();
  }

  // [SECTION] Following the app: the widgets of the newest frame, when they changed. The element
  // of a widget that is gone is reused for a new widget of the same role (a list scrolled: the
  // rows that left give their elements, cells included, to the rows that came), so that only the
  // texts and places that differ are written; one holding the page's focus is not reused.
  let version = -1;
  function follow(items) {
    const seen = new Set();
    for (const item of items) {
      let key = item.key;
      for (let n = 2; seen.has(key); ++n) key = item.key + '#' + n;  // two widgets under one key
      item.key = key;
      seen.add(key);
    }
    const spare = new Map();  // role -> nodes of widgets gone, in the layer's order
    const active = document.activeElement;
    for (const [key, node] of nodes) {
      if (seen.has(key)) continue;
      nodes.delete(key);
      if (node.element.contains(active)) {
        node.element.remove();
        continue;
      }
      if (!spare.has(node.item.role)) spare.set(node.item.role, []);
      spare.get(node.item.role).push(node);
    }
    const reuse = (role) => {
      const left = spare.get(role);
      return left && left.length ? left.shift() : null;
    };
    const children = new Map([[root, []]]);
    const spoken = [];
    for (const item of items) {
      const key = item.key;
      let node = nodes.get(key);
      let previous = node && node.item.role === item.role ? node.item : null;
      const said = previous && previous.name;  // what this widget said before (not a reused element's)
      if (!previous) {
        if (node) node.element.remove();
        const reused = reuse(item.role);
        previous = reused && reused.item;
        node = { element: reused ? reused.element : create(item), item };
        node.element.dataset.key = key;
        nodes.set(key, node);
      }
      const container = item.container && nodes.get(item.container);
      const parent = container && seen.has(item.container) ? container.element : root;
      const origin = parent === root ? [0, 0] : [container.item.box[0], container.item.box[1]];
      update(node.element, item, previous, origin);
      node.item = item;
      if (!children.has(parent)) children.set(parent, []);
      children.get(parent).push(node.element);
      if ((item.role === 'status' || item.announced) && item.name && said !== item.name)
        spoken.push(item.name);
    }
    for (const left of spare.values()) for (const node of left) node.element.remove();
    for (const [parent, list] of children) arrange(parent, list);
    if (spoken.length) announce(spoken);
    followDialog(items.find((item) => item.role === 'dialog' && !item.modeless));
    followFocus(items.find((item) => item.focused));
  }

  // A dialog that opens takes the focus (its first element that can have it) from the canvas or
  // the layer; when it closes, the focus goes back to where it was.
  let dialogKey = null;
  let focusBeforeDialog = null;
  function followDialog(dialog) {
    const key = dialog ? dialog.key : null;
    if (key === dialogKey) return;
    if (dialogKey && focusBeforeDialog && focusBeforeDialog.isConnected && insideLayerOrCanvas(document.activeElement))
      focusBeforeDialog.focus({ preventScroll: true });
    dialogKey = key;
    focusBeforeDialog = null;
    const first = key && nodes.get(key).element.querySelector('button, input, [tabindex]');
    if (!first || !insideLayerOrCanvas(document.activeElement)) return;
    focusBeforeDialog = document.activeElement;
    focusQuietly(first);
  }
  const insideLayerOrCanvas = (element) => !!element && (element.id === 'canvas' || layer.contains(element) ||
                                                         element === document.body);

  // [SECTION] Focus following ImGui's keyboard navigation: when it moves to a described widget,
  // that widget's element takes the page's focus, but only from another element of the layer:
  // with the focus on the canvas the app's own keys (Enter in Screening and Audit) stay the app's,
  // and focus elsewhere in the page is never taken away.
  let followedKey = null;
  let followingApp = false;
  let askedKey = null;  // the widget the page's focus moved to, until the app's navigation went there
  function followFocus(focused) {
    const key = focused ? focused.key : null;
    if (askedKey !== null) {
      // The page's focus leads: frames drawn before the app took it (Tab pressed twice between
      // two frames) would pull the focus back. Where the app's navigation is once it did (on
      // that widget, or where it was when the widget cannot have it) is not followed either.
      if (key !== askedKey && pageFocusPending()) return;
      askedKey = null;
      followedKey = key;
      return;
    }
    if (key === followedKey) return;
    followedKey = key;
    const node = key && nodes.get(key);
    if (!node || !node.element.matches('button, input, [tabindex]')) return;
    const active = document.activeElement;
    if (!active || !layer.contains(active)) return;
    focusQuietly(node.element);
  }
  // Focuses an element of the layer without acting on it (a text box's focus clicks its field).
  function focusQuietly(element) {
    followingApp = true;
    try {
      element.focus({ preventScroll: true });
    } finally {
      followingApp = false;
    }
  }

  // While the widgets change frame after frame (a list scrolling), the layer follows them at most
  // every `followInterval` ms, and once more when they stop; a change after a quiet moment, and a
  // change of what must be heard at once (keyboard focus, a dialog, a status), is followed in the
  // frame it shows. Before the layer acts on a widget it catches up (catchUp).
  const followInterval = 100;
  let signalsVersion = -1;
  let followedAt = -Infinity;
  const appRuns = () => !!(window.Module && window.Module.calledRun);
  function appVersions() {
    const module = window.Module;
    return [module.ccall('radar_accessibility_version', 'number', [], []),
            module.ccall('radar_accessibility_signals_version', 'number', [], [])];
  }
  function followVersion(current, signals) {
    version = current;
    signalsVersion = signals;
    followedAt = performance.now();
    follow(JSON.parse(window.Module.ccall('radar_accessibility_items', 'string', [], [])));
  }
  // Brings the layer up to the app's last frame (throws when the app stopped).
  function catchUp() {
    if (!appRuns()) return;
    const [current, signals] = appVersions();
    if (current !== version) followVersion(current, signals);
  }
  function watch(now) {
    if (appRuns() && !layer.isConnected) {
      const canvas = document.getElementById('canvas');
      canvas.after(layer);  // right after the canvas in the page's tab order
    }
    if (appRuns()) {
      try {
        const [current, signals] = appVersions();
        if (current !== version && (signals !== signalsVersion || now - followedAt >= followInterval))
          followVersion(current, signals);
      } catch (error) {
        return;  // the app stopped (its crash panel says why): the layer stops following it
      }
    }
    requestAnimationFrame(watch);
  }
  requestAnimationFrame(watch);
  // The layer's view of `key`, up to date.
  function currentNode(key) {
    try {
      catchUp();
    } catch (error) { /* the app stopped: what the layer last saw stays */ }
    return nodes.get(key);
  }

  // [SECTION] Acting on the app: a click at the widget's centre, as the mouse would, one at a
  // time. The pointer rests on the widget for two frames first: ImGui decides what is hovered
  // before it handles a press. A widget that moved meanwhile (a banner appeared above it) is
  // followed until it stays put.
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  let acting = Promise.resolve();
  function pointAt(item) {
    const ratio = window.devicePixelRatio || 1;
    const [left, top, right, bottom] = item.box;
    // A text field is clicked near its right end: the cursor goes after its text. A row is
    // clicked in its first cell: its middle can be a column's border, which resizes the column.
    const x = item.role === 'textbox' ? Math.max(left, right - 4 * ratio)
      : item.role === 'row' ? Math.min((left + right) / 2, left + 16 * ratio) : (left + right) / 2;
    return { clientX: x / ratio, clientY: (top + bottom) / 2 / ratio, button: 0, bubbles: true, cancelable: true,
             view: window };
  }
  // Asks the app to scroll the widget under `key` into sight (when drawn next).
  function bringIntoView(key) {
    try {
      window.Module.ccall('radar_bring_into_view', null, ['string'], [key]);
    } catch (error) { /* the app stopped */ }
  }
  // The page's focus leads ImGui's keyboard navigation: an element reached with Tab (or moved to
  // by a screen reader) puts the navigation on its widget, so that the app's keys (arrows, its
  // focus frame) go on from there, and is shown: the focus mark sits on a widget one can see.
  function focusFromPage(key) {
    askedKey = key || null;
    try {
      window.Module.ccall('radar_focus_from_page', null, ['string'], [key]);
    } catch (error) { /* the app stopped */ }
  }
  function pageFocusPending() {
    try {
      return !!window.Module.ccall('radar_page_focus_pending', 'number', [], []);
    } catch (error) {
      return false;
    }
  }
  layer.addEventListener('focusin', (event) => {
    if (followingApp || !(event.target instanceof HTMLElement) || !event.target.dataset.key) return;
    focusFromPage(event.target.dataset.key);
    bringIntoView(event.target.dataset.key);
  });
  layer.addEventListener('focusout', (event) => {
    if (!layer.contains(event.relatedTarget)) focusFromPage('');
  });
  // `stillWanted`, if given, is asked when the click's turn comes and again right before it (it
  // is not done if not).
  function activate(key, stillWanted = () => true) {
    acting = acting.then(async () => {
      const canvas = document.getElementById('canvas');
      if (!canvas || !stillWanted()) return;
      let at = null;
      for (let tries = 0; tries < 10; tries++) {
        const node = currentNode(key);
        if (!node) return;
        // A widget out of sight is scrolled into it first: the app scrolls in the frame after it
        // drew the widget, and describes the new place in the frame after that. It may take more
        // than one step: a scrolling region wholly out of sight draws nothing (its widgets are
        // described at its place, without a height) until the window around it has scrolled.
        const [, top, , bottom] = node.item.box;
        if (top < 0 || bottom > canvas.height || bottom <= top) {
          bringIntoView(key);
          at = null;
          for (let i = 0; i < 4; i++) await nextFrame();
          continue;
        }
        const now = pointAt(node.item);
        if (at && at.clientX === now.clientX && at.clientY === now.clientY) break;
        at = now;
        canvas.dispatchEvent(new MouseEvent('mousemove', at));
        await nextFrame();
        await nextFrame();
      }
      if (!at || !stillWanted()) return;
      canvas.dispatchEvent(new MouseEvent('mousedown', at));
      canvas.dispatchEvent(new MouseEvent('mouseup', at));
      await nextFrame();
      await nextFrame();
    });
    return acting;
  }

  // A text box is clicked some frames after it takes the focus (it may be scrolled into sight
  // first). Keys typed meanwhile are held, in order, and handed to the app once its field is
  // editing: before, they reached the app first and were lost or taken as shortcuts.
  let heldFor = null;
  let heldKeys = [];
  function activateTextBox(element, key) {
    heldFor = element;
    heldKeys = [];
    // Left at once (Tab pressed again before its turn) with nothing typed, the field is not
    // clicked: it would edit with the page's focus elsewhere and take what is typed there.
    activate(key, () => document.activeElement === element || (heldFor === element && heldKeys.length > 0)).then(() => {
      if (heldFor !== element) return;
      const keys = heldKeys;
      heldFor = null;
      heldKeys = [];
      for (const { type, init } of keys) element.dispatchEvent(new KeyboardEvent(type, init));
    });
  }
  function holdKey(event) {
    const { key, code, keyCode, charCode, which, location, repeat, shiftKey, ctrlKey, altKey, metaKey } = event;
    heldKeys.push({ type: event.type, init: { key, code, keyCode, charCode, which, location, repeat, shiftKey, ctrlKey,
                                              altKey, metaKey, bubbles: true, cancelable: true } });
    event.stopImmediatePropagation();
  }

  // A slider's or number field's keys (ARIA's slider pattern): the value goes to the app, which
  // applies it to the widget when it draws it next, as if typed.
  function stepValue(key, event) {
    const node = currentNode(key);
    if (!node || !node.item.range || !window.Module) return;
    const [now, min, max, step] = node.item.range;
    const page = Math.max(step, (max - min) / 10);
    const wanted = { ArrowRight: now + step, ArrowUp: now + step, ArrowLeft: now - step, ArrowDown: now - step,
                     PageUp: now + page, PageDown: now - page, Home: min, End: max }[event.key];
    if (wanted === undefined) return;
    event.preventDefault();
    const value = Math.min(max, Math.max(min, wanted));
    window.Module.ccall('radar_set_accessible_value', null, ['string', 'number'], [key, value]);
  }

  // Keys meant for the layer's elements do not reach the app too: Enter or Space on a button here
  // must not also act on whatever ImGui has focused, Tab moves between the elements, and a
  // slider's keys set its value. Other keys do reach the app: typing in a text box (its field is
  // the one that holds the text), the app's shortcuts and its keyboard navigation (which the focus
  // follows). From the canvas, Tab moves into the layer unless the app is editing text.
  // (Registered before the app's own listeners.)
  const sliderKeys = new Set(['ArrowRight', 'ArrowUp', 'ArrowLeft', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End']);
  window.addEventListener('keydown', stopKeysForTheLayer, true);
  window.addEventListener('keypress', stopKeysForTheLayer, true);
  window.addEventListener('keyup', stopKeysForTheLayer, true);
  function stopKeysForTheLayer(event) {
    const target = event.target;
    if (heldFor && target === heldFor && event.key !== 'Tab' && event.isTrusted) {
      holdKey(event);
      return;
    }
    if (target instanceof Element && layer.contains(target)) {
      const node = currentNode(target.dataset.key);
      const slider = node && ranged.has(node.item.role);
      if (slider && event.type === 'keydown') stepValue(node.item.key, event);
      const acting = event.key === 'Enter' || event.key === ' ';
      // A row is a div: Enter and Space open it here (a button clicks itself).
      if (node && node.item.role === 'row' && acting && event.type === 'keydown') {
        event.preventDefault();
        activate(node.item.key);
      }
      const own = event.key === 'Tab' || (target.tagName !== 'INPUT' && acting) || (slider && sliderKeys.has(event.key));
      if (own) event.stopImmediatePropagation();
      return;
    }
    if (event.key === 'Tab' && target instanceof Element && target.id === 'canvas' && window.Module && window.Module.calledRun) {
      try {
        if (!window.Module.ccall('radar_wants_text_input', 'number', [], [])) event.stopImmediatePropagation();
      } catch (error) { /* the app stopped: its keys no longer matter */ }
    }
  }
})();
