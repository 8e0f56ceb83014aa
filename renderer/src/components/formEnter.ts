import type { KeyboardEvent as ReactKeyboardEvent } from 'react';

type AnyKeyEvent = KeyboardEvent | ReactKeyboardEvent;

/** The open popups of antd's Select / AutoComplete / Cascader / TreeSelect and of its DatePicker. */
const OPEN_POPUP = [
  '.ant-select-dropdown:not(.ant-select-dropdown-hidden)',
  '.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)',
  '.ant-cascader-dropdown:not(.ant-select-dropdown-hidden)',
].join(',');

/**
 * Whether this Enter belongs to a popup or an input method, not to the form around it: a
 * Select's (or AutoComplete's) list is open on the field, a DatePicker's panel is open, the
 * popup already took the key (it prevents the default), or the clerk is composing with a
 * Chinese input method (Enter then commits the characters). A form that adds, moves on or submits
 * on Enter asks this first: Enter in an open list chooses the highlighted option and nothing else.
 */
export function enterBelongsToPopup(e: AnyKeyEvent): boolean {
  const native = 'nativeEvent' in e ? e.nativeEvent : e;
  if (native.isComposing || native.keyCode === 229) return true;
  // The popup already took the key (antd's Select takes every Enter: it opens the list, or chooses in it).
  if (native.defaultPrevented || ('isDefaultPrevented' in e && e.isDefaultPrevented())) return true;
  const target = e.target instanceof HTMLElement ? e.target : null;
  if (!target) return false;
  if (target.getAttribute('aria-expanded') === 'true') return true;
  const picker = target.closest('.ant-picker, .ant-select, .ant-cascader');
  return picker !== null && document.querySelector(OPEN_POPUP) !== null;
}

/**
 * A plain Enter in a text field that a form may take as its own action (add a line, go on): no
 * modifier, an <input> that is not a checkbox or radio, and not an Enter that belongs to a popup.
 */
export function isFormEnter(e: AnyKeyEvent): boolean {
  if (e.key !== 'Enter' || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return false;
  const target = e.target instanceof HTMLInputElement ? e.target : null;
  if (!target || target.type === 'checkbox' || target.type === 'radio') return false;
  return !enterBelongsToPopup(e);
}
