/**
 * Where focus goes after an action whose button is disabled while it runs (or
 * goes away): to what the action showed, instead of the top of the page. A
 * tab calls `focusWhenShown(find)` once the action is done; at the next
 * renders (and once right away) the element `find` returns, when there is
 * one, is focused (made focusable with tabindex="-1" if it is a heading or a
 * card) and so scrolled into view. A request that finds nothing within a few
 * seconds is dropped, so focus is never taken later by surprise.
 */
import { useCallback, useEffect, useRef } from "react";

const WAIT_MS = 5000;
const FOCUSABLE = "a[href], button, input, select, textarea, [tabindex]";

interface Request {
  readonly find: () => HTMLElement | null;
  readonly until: number;
}

export function focusElement(element: HTMLElement): void {
  if (!element.matches(FOCUSABLE)) element.tabIndex = -1;
  element.focus();
}

/** Focuses what the request finds; true when the request is settled (found, or too late). */
function settle(request: Request): boolean {
  if (Date.now() > request.until) return true;
  const element = request.find();
  if (!element) return false;
  focusElement(element);
  return true;
}

export function useFocusWhenShown(): (find: () => HTMLElement | null) => void {
  const pending = useRef<Request | null>(null);
  // After every render: the element may come with any of the renders that follow the action.
  useEffect(() => {
    if (pending.current && settle(pending.current)) pending.current = null;
  });
  return useCallback((find) => {
    const request = { find, until: Date.now() + WAIT_MS };
    pending.current = request;
    // The element may be there already, with no render to come.
    setTimeout(() => {
      if (pending.current === request && settle(request)) pending.current = null;
    }, 0);
  }, []);
}

/**
 * For a button that goes away when pressed ("Hủy", "Đóng", "Xóa danh sách tệp"): when the action
 * leaves focus on nothing (the page itself), it goes to the button's tab panel, so keyboard and
 * screen-reader users stay where they were.
 */
export function keepingFocus(action: () => void): (event: { readonly currentTarget: HTMLElement }) => void {
  return (event) => {
    const panel = event.currentTarget.closest<HTMLElement>('[role="tabpanel"]');
    action();
    setTimeout(() => {
      const active = document.activeElement;
      if (panel?.isConnected && (active === null || active === document.body)) focusElement(panel);
    }, 0);
  };
}

/**
 * For a button that goes away when pressed while another control stays ("Dùng danh sách có sẵn"
 * beside "Dùng danh sách đơn vị khác…"), called in its handler: when focus is left on nothing, it
 * goes to that control.
 */
export function focusIfLost(target: () => HTMLElement | null): void {
  setTimeout(() => {
    const active = document.activeElement;
    const element = target();
    if (element?.isConnected && (active === null || active === document.body)) focusElement(element);
  }, 0);
}
