// Tells the circuit that the person is active (live updates alone are not activity), and keeps the sign-in
// cookie's sliding expiry in step with the circuit. Throttled: at most one call per interval.
const interval = 15000;
const events = ["pointerdown", "keydown", "wheel", "touchstart"];
let last = 0;
let target = null;

function onActivity() {
    const now = Date.now();
    if (target === null || now - last < interval) return;
    last = now;
    target.invokeMethodAsync("Touch").catch(() => { });
    fetch("account/keep-alive", { credentials: "same-origin", cache: "no-store" }).catch(() => { });
}

export function watchActivity(dotNetRef) {
    target = dotNetRef;
    last = 0;
    events.forEach(e => document.addEventListener(e, onActivity, { capture: true, passive: true }));
}

export function stopWatching() {
    target = null;
    events.forEach(e => document.removeEventListener(e, onActivity, { capture: true }));
}
