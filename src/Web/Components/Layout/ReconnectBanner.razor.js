// Blazor toggles the banner's classes; these handlers add the manual retry and resume.
const banner = document.getElementById("components-reconnect-modal");
banner.addEventListener("components-reconnect-state-changed", (event) => {
    if (event.detail.state === "failed") {
        document.addEventListener("visibilitychange", retryWhenVisible);
    } else if (event.detail.state === "rejected") {
        location.reload();
    }
});

document.getElementById("components-reconnect-button").addEventListener("click", retry);
document.getElementById("components-resume-button").addEventListener("click", resume);

async function retry() {
    document.removeEventListener("visibilitychange", retryWhenVisible);
    try {
        const reconnected = await Blazor.reconnect();
        if (!reconnected && !(await Blazor.resumeCircuit())) {
            location.reload();
        }
    } catch {
        document.addEventListener("visibilitychange", retryWhenVisible);
    }
}

async function resume() {
    try {
        if (!(await Blazor.resumeCircuit())) {
            location.reload();
        }
    } catch {
        banner.classList.replace("components-reconnect-paused", "components-reconnect-resume-failed");
    }
}

async function retryWhenVisible() {
    if (document.visibilityState === "visible") {
        await retry();
    }
}
