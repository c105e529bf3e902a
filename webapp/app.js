// Placeholder SPA: shows whether the platform is ready. The real SPA replaces this file.
(async function showReadiness() {
    const status = document.getElementById('status');
    try {
        const response = await fetch('/health/ready', {headers: {Accept: 'application/json'}});
        const health = await response.json();
        status.textContent = 'Platform readiness: ' + health.status;
        status.className = health.status === 'UP' ? 'up' : 'down';
    } catch (e) {
        status.textContent = 'Platform is not reachable';
        status.className = 'down';
    }
})();
